package dev.sparkeval.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sparkeval.core.Task;
import dev.sparkeval.testkit.SparkTests;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The silhouette's two passes on Spark: the same bits at any partitioning and row order, weighted
 * and sliced (each slice equal to its points alone), the clusters block included; no interval.
 */
class ClusteringSparkTest {
  static final String[] METRICS = {"silhouette", "silhouette:distance=cosine"};

  static Dataset<Row> points(long seed) {
    Random r = new Random(seed);
    StructType schema = new StructType().add("features", DataTypes.createArrayType(DataTypes.DoubleType))
        .add("cluster", DataTypes.IntegerType).add("seg", DataTypes.StringType).add("w", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      int c = r.nextInt(4);
      List<Double> x = List.of(c * 2 + r.nextGaussian(), c % 2 * 3 + r.nextGaussian(), r.nextGaussian() * 0.5);
      rows.add(RowFactory.create(x, c * 10, "s" + r.nextInt(3), r.nextInt(5) == 0 ? 0.0 : r.nextDouble() * 2));
    }
    return SparkTests.spark().createDataFrame(rows, schema);
  }

  static Evaluation.Result run(Dataset<Row> t, int partitions, List<String> slices) {
    return Evaluation.of(t).task(Task.CLUSTERING).prediction("cluster").weight("w").metric(METRICS)
        .slice(slices.toArray(String[]::new)).partitions(partitions).bootstrap(10).run();
  }

  static String bits(Evaluation.Result r) {
    return RankingSparkTest.bits(r.overall().metrics()) + r.overall().parts().get("clusters");
  }

  @Test
  void sameBitsAtAnyPartitioningOrderAndSlicing() {
    Dataset<Row> t = points(1).cache();
    Evaluation.Result base = run(t, 0, List.of());
    String want = bits(base);
    for (int parts : new int[] {1, 3, 7}) assertEquals(want, bits(run(t, parts, List.of())), parts + " partitions");
    assertEquals(want, bits(run(t.orderBy(functions.rand(3)).repartition(5), 0, List.of())), "shuffled");
    @SuppressWarnings("unchecked")
    java.util.Map<String, List<Double>> intervals = (java.util.Map<String, List<Double>>) base.overall().parts().get("intervals");
    assertNull(intervals.get("silhouette"), "a second pass has no bootstrap interval");
    Evaluation.Result sliced = run(t, 3, List.of("seg"));
    assertEquals(RankingSparkTest.bits(base.overall().metrics()), RankingSparkTest.bits(sliced.overall().metrics()));
    for (Evaluation.SliceResult s : sliced.slices()) {
      Dataset<Row> only = t.filter(functions.col("seg").equalTo(s.slice().get("seg")));
      assertEquals(RankingSparkTest.bits(run(only, 2, List.of()).overall().metrics()), RankingSparkTest.bits(s.outcome().metrics()),
          "slice " + s.slice());
    }
  }
}
