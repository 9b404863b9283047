package dev.sparkeval.bench;

import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The same metrics computed the way MLlib's documentation shows: one evaluator call per metric. */
final class MllibSide {
  private MllibSide() {}

  static final String[] REGRESSION = {"mse", "rmse", "mae", "r2", "var"};
  /** What MLlib's evaluators offer of the binary suite: AUCs, and accuracy-family metrics and log loss via the multiclass evaluator. */
  static final String[] MULTICLASS_ON_BINARY = {"accuracy", "weightedPrecision", "weightedRecall", "f1", "logLoss",
      "precisionByLabel", "recallByLabel", "fMeasureByLabel"};

  static void regressionSuite(Dataset<Row> t) {
    for (String m : REGRESSION) {
      new RegressionEvaluator().setLabelCol("label").setPredictionCol("prediction").setMetricName(m).evaluate(t);
    }
  }

  /** t has label, rawPrediction (the score), probability (vector) and prediction (0/1) columns. */
  static void binarySuite(Dataset<Row> t) {
    auc(t, "areaUnderROC");
    auc(t, "areaUnderPR");
    for (String m : MULTICLASS_ON_BINARY) {
      MulticlassClassificationEvaluator e = new MulticlassClassificationEvaluator().setLabelCol("label")
          .setPredictionCol("prediction").setProbabilityCol("probvec").setMetricName(m);
      if (m.endsWith("ByLabel")) e.setMetricLabel(1.0);
      e.evaluate(t);
    }
  }

  static double auc(Dataset<Row> t, String metric) {
    return new BinaryClassificationEvaluator().setLabelCol("label").setRawPredictionCol("score")
        .setMetricName(metric).evaluate(t);
  }
}
