package dev.sparkeval.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.core.Task;
import dev.sparkeval.testkit.Fixtures;
import dev.sparkeval.testkit.SparkTests;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * auc_pr:method=trapezoid against MLlib's own BinaryClassificationEvaluator areaUnderPR, weighted
 * and not: exactly MLlib's curve (numBins=0, and the default 1000 bins below the 2000 distinct
 * scores where MLlib starts to down-sample), to 1e-12 relative.
 */
class MllibAreaUnderPrTest {
  static Dataset<Row> table(int n, int grid, long seed) {
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("rawPrediction", SQLDataTypes.VectorType())
        .add("w", DataTypes.DoubleType);
    Random r = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double y = r.nextInt(3) == 0 ? 1 : 0;
      double z = Math.round((1.5 * y + r.nextGaussian()) * grid) / (double) grid; // ties on a grid
      rows.add(RowFactory.create(y, Vectors.dense(-z, z), r.nextInt(7) == 0 ? 0.0 : 0.25 + 2 * r.nextDouble()));
    }
    return SparkTests.spark().createDataFrame(rows, schema);
  }

  static double ours(Dataset<Row> t, boolean weighted, int partitions) {
    Evaluation.Builder b = Evaluation.settings().task(Task.BINARY).logits(true).label("label").prediction("rawPrediction")
        .metric("auc_pr:method=trapezoid", "auc_roc").partitions(partitions);
    if (weighted) b.weight("w");
    return Evaluation.run(t, b.build()).overall().metrics().get("auc_pr:method=trapezoid").value();
  }

  static double mllib(Dataset<Row> t, boolean weighted, int numBins) {
    BinaryClassificationEvaluator ev = new BinaryClassificationEvaluator().setMetricName("areaUnderPR")
        .setLabelCol("label").setRawPredictionCol("rawPrediction").setNumBins(numBins);
    if (weighted) ev.setWeightCol("w");
    return ev.evaluate(t);
  }

  @Test
  void equalsMllibAreaUnderPr() {
    Dataset<Row> small = table(3000, 20, 7).cache(); // about 150 distinct scores
    Dataset<Row> large = table(20000, 10000, 8).cache(); // thousands: compare with numBins=0
    for (boolean weighted : new boolean[] {false, true}) {
      double s = mllib(small, weighted, 1000), l = mllib(large, weighted, 0);
      for (int parts : new int[] {1, 5}) {
        check(ours(small, weighted, parts), s, "small, weighted " + weighted + ", " + parts + " partitions");
        check(ours(large, weighted, parts), l, "large, weighted " + weighted + ", " + parts + " partitions");
      }
    }
    small.unpersist();
    large.unpersist();
  }

  static void check(double ours, double mllib, String what) {
    assertTrue(Fixtures.close(ours, mllib, 1e-12), what + ": sparkeval " + ours + ", MLlib " + mllib);
  }
}
