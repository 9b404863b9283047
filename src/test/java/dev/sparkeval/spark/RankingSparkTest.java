package dev.sparkeval.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.sparkeval.core.Task;
import dev.sparkeval.core.Value;
import dev.sparkeval.testkit.SparkTests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Ranking on Spark: the long layout gives the same bits at any shuffle partitioning and input
 * order, sliced or not (each slice equal to its queries alone), intervals included; with binary
 * grades and distinct scores it equals MLlib's array layout built from the same rows.
 */
class RankingSparkTest {
  static final String[] METRICS = {"ndcg:k=5", "ndcg:k=3,gain=exponential", "map", "map:k=4", "mrr", "precision:k=3",
      "recall:k=5", "hit_rate:k=2", "auc_roc"};

  /** One row per (query, item): string query ids, a segment constant per query, coarse scores (ties). */
  static Dataset<Row> longTable(long seed, boolean binary, boolean distinct) {
    Random r = new Random(seed);
    StructType schema = new StructType().add("q", DataTypes.StringType).add("item", DataTypes.IntegerType)
        .add("score", DataTypes.DoubleType).add("grade", DataTypes.IntegerType).add("seg", DataTypes.StringType)
        .add("w", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    for (int q = 0; q < 300; q++) {
      int n = 1 + r.nextInt(15);
      double w = r.nextInt(6) == 0 ? 0.0 : 0.5 + r.nextInt(4);
      String seg = "s" + r.nextInt(3);
      for (int i = 0; i < n; i++) {
        int g = r.nextInt(10) < 6 ? 0 : (binary ? 1 : 1 + r.nextInt(3));
        double s = distinct ? r.nextDouble() : r.nextInt(5) / 4.0 + 0.1 * g;
        rows.add(RowFactory.create("query-" + q, i, s, g, seg, w));
      }
    }
    return SparkTests.spark().createDataFrame(rows, schema);
  }

  static Evaluation.Result run(Dataset<Row> t, int partitions, List<String> slices, int bootstrap) {
    return Evaluation.of(t).task(Task.RANKING).query("q").prediction("score").label("grade").weight("w")
        .metric(METRICS).slice(slices.toArray(String[]::new)).partitions(partitions).bootstrap(bootstrap).run();
  }

  static String bits(Evaluation.Result r) {
    return bits(r.overall().metrics()) + r.overall().parts();
  }

  static String bits(Map<String, Value> m) {
    StringBuilder sb = new StringBuilder();
    m.forEach((k, v) -> sb.append(k).append('=').append(Long.toHexString(Double.doubleToLongBits(v.value()))).append(' '));
    return sb.toString();
  }

  @Test
  void sameBitsAtAnyPartitioningAndOrder() {
    Dataset<Row> t = longTable(1, false, false).cache();
    Evaluation.Result base = run(t, 0, List.of(), 30);
    String want = bits(base);
    assertNotNull(base.overall().parts().get("intervals"));
    for (int parts : new int[] {1, 3, 7}) assertEquals(want, bits(run(t, parts, List.of(), 30)), parts + " partitions");
    Dataset<Row> shuffled = t.orderBy(functions.rand(5)).repartition(4);
    assertEquals(want, bits(run(shuffled, 0, List.of(), 30)), "shuffled rows");
    assertEquals(base.rows(), base.rowsUsed(), "no row skipped");
  }

  @Test
  void slicesAreTheirQueriesAlone() {
    Dataset<Row> t = longTable(2, false, false).cache();
    String want = bits(run(t, 0, List.of(), 0).overall().metrics());
    Evaluation.Result sliced = run(t, 3, List.of("seg"), 0);
    assertEquals(want, bits(sliced.overall().metrics()), "the overall value of a sliced run");
    for (Evaluation.SliceResult s : sliced.slices()) {
      Dataset<Row> only = t.filter(functions.col("seg").equalTo(s.slice().get("seg")));
      assertEquals(bits(run(only, 2, List.of(), 0).overall().metrics()), bits(s.outcome().metrics()), "slice " + s.slice());
    }
  }

  @Test
  void binaryGradesEqualMllibsArrayLayout() {
    Dataset<Row> t = longTable(3, true, true).cache();
    Evaluation.Result lng = Evaluation.of(t).task(Task.RANKING).query("q").prediction("score").label("grade")
        .metric("ndcg:k=5", "map", "map:k=4", "mrr", "precision:k=3", "recall:k=5", "hit_rate:k=2").run();
    Dataset<Row> arrays = t.groupBy("q").agg(
        functions.expr("transform(array_sort(collect_list(struct(-score AS s, item)), (a, b) -> "
            + "CASE WHEN a.s < b.s THEN -1 WHEN a.s > b.s THEN 1 ELSE 0 END), x -> CAST(x.item AS DOUBLE))").alias("prediction"),
        functions.expr("collect_list(CASE WHEN grade > 0 THEN CAST(item AS DOUBLE) END)").alias("label"));
    Evaluation.Result arr = Evaluation.of(arrays).task(Task.RANKING)
        .metric("ndcg:k=5", "map", "map:k=4", "mrr", "precision:k=3", "recall:k=5", "hit_rate:k=2").run();
    for (String spec : lng.values().keySet()) {
      assertEquals(lng.value(spec), arr.value(spec), 1e-15 * Math.abs(lng.value(spec)), spec);
    }
    assertEquals(lng.overall().parts().get("ranking").toString().replace("layout=long", "").replaceAll("queriesAllRelevant=[0-9]+", ""),
        arr.overall().parts().get("ranking").toString().replace("layout=arrays", "").replace("queriesAllRelevant=null", ""));
  }
}
