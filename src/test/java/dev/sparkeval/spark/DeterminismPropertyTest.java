package dev.sparkeval.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Property: over random tables, the same rows give the same bits at any partition count (1..64),
 * in any row order, and whatever the slicing (the overall value of a sliced run equals the
 * unsliced run; each slice equals the run over that slice's rows alone).
 */
class DeterminismPropertyTest {
  static final List<String> LOSSES = List.of("mse", "mae", "huber:delta=0.7", "log_cosh", "quantile:q=0.3", "sse");
  static final List<String> METRICS = List.of("r2", "explained_variance", "mape", "mean_error", "median_absolute_error",
      "d2_absolute_error", "spearman", "pearson", "max_error", "d2_pinball:alpha=0.25");

  static Dataset<Row> randomTable(long seed) {
    Random r = new Random(seed);
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("prediction", DataTypes.DoubleType)
        .add("w", DataTypes.DoubleType).add("a", DataTypes.StringType).add("b", DataTypes.IntegerType);
    List<Row> rows = new ArrayList<>();
    int n = 500 + r.nextInt(1500);
    double scale = Math.pow(10, r.nextInt(12) - 3);
    for (int i = 0; i < n; i++) {
      double y = scale * (r.nextGaussian() + (r.nextInt(20) == 0 ? 1e6 : 3));
      rows.add(RowFactory.create(y, y + scale * r.nextGaussian() * r.nextDouble(), r.nextInt(4) * r.nextDouble(),
          "a" + r.nextInt(3), r.nextInt(4)));
    }
    return SparkTests.spark().createDataFrame(rows, schema);
  }

  static Evaluation.Result run(Dataset<Row> t, List<String> slices, int partitions) {
    return Evaluation.of(t).task(Task.REGRESSION).label("label").prediction("prediction").weight("w")
        .loss(LOSSES.toArray(String[]::new)).metric(METRICS.toArray(String[]::new)).slice(slices.toArray(String[]::new))
        .partitions(partitions).run();
  }

  static String bits(Map<String, Value> a, Map<String, Value> b) {
    StringBuilder sb = new StringBuilder();
    for (Map<String, Value> m : List.of(a, b)) {
      m.forEach((k, v) -> sb.append(k).append('=').append(Long.toHexString(Double.doubleToLongBits(v.value()))).append(' '));
    }
    return sb.toString();
  }

  @Test
  void sameBitsAcrossPartitionsOrdersAndSlices() {
    for (long seed = 1; seed <= 4; seed++) {
      Dataset<Row> t = randomTable(seed).cache();
      Evaluation.Result base = run(t, List.of(), 0);
      String want = bits(base.overall().losses(), base.overall().metrics());
      for (int parts : new int[] {1, 2, 7, 64}) {
        Evaluation.Result r = run(t, List.of(), parts);
        assertEquals(want, bits(r.overall().losses(), r.overall().metrics()), "seed " + seed + ", " + parts + " partitions");
      }
      Dataset<Row> reordered = t.orderBy(functions.rand(seed)).repartition(5);
      Evaluation.Result ro = run(reordered, List.of(), 0);
      assertEquals(want, bits(ro.overall().losses(), ro.overall().metrics()), "seed " + seed + ", shuffled");
      for (List<String> slices : List.of(List.of("a"), List.of("b"), List.of("a", "b"))) {
        Evaluation.Result sliced = run(t, slices, 3);
        assertEquals(want, bits(sliced.overall().losses(), sliced.overall().metrics()), "overall of slices " + slices);
        Evaluation.SliceResult first = sliced.slices().get(0);
        Dataset<Row> only = t;
        for (Map.Entry<String, String> k : first.slice().entrySet()) {
          only = only.filter(functions.col(k.getKey()).cast("string").equalTo(k.getValue()));
        }
        Evaluation.Result alone = run(only, List.of(), 2);
        assertEquals(bits(alone.overall().losses(), alone.overall().metrics()),
            bits(first.outcome().losses(), first.outcome().metrics()), "slice " + first.slice() + " alone");
      }
      t.unpersist();
    }
  }
}
