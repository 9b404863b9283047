package dev.sparkeval.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.core.Task;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.testkit.SparkTests;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * A Spark ML classifier's transform() output queried as it is: a 2-element probability vector is
 * a binary prediction (as Spark ML's BinaryClassificationEvaluator reads it), longer vectors are
 * multiclass, and 'task=' still chooses.
 */
class MllibOutputSqlTest {
  static Dataset<Row> predictions(String csv, String view) {
    SqlFunctions.register(SparkTests.spark());
    Dataset<Row> raw = SparkTests.spark().read().option("header", "true").option("inferSchema", "true")
        .csv(Path.of("data", csv).toString());
    String[] features = Arrays.stream(raw.columns()).filter(c -> !c.equals("label")).toArray(String[]::new);
    Dataset<Row> data = new VectorAssembler().setInputCols(features).setOutputCol("features").transform(raw);
    Dataset<Row> preds = new LogisticRegression().setMaxIter(20).setRegParam(0.1).fit(data).transform(data)
        .select("label", "probability", "rawPrediction", "prediction");
    preds.createOrReplaceTempView(view);
    return preds;
  }

  @Test
  void twoElementVectorsAreBinaryPredictions() {
    Dataset<Row> preds = predictions("breast_cancer.csv", "lr_preds");
    Row row = SparkTests.spark().sql("SELECT auc_roc(label, probability), accuracy(label, probability),"
        + " f1(label, probability), bce(label, rawPrediction, 'logits=true'), f1(label, prediction, 'task=binary'),"
        + " f1(label, probability, 'task=multiclass') FROM lr_preds").first();
    assertEquals(Evaluation.of(preds).task(Task.BINARY).metric("auc_roc").run().value("auc_roc"), row.getDouble(0), 0.0);
    assertEquals(Evaluation.of(preds).task(Task.BINARY).metric("accuracy").run().value("accuracy"), row.getDouble(1), 0.0);
    double binaryF1 = Evaluation.of(preds).task(Task.BINARY).metric("f1").run().value("f1");
    assertEquals(binaryF1, row.getDouble(2), 0.0);
    assertEquals(Evaluation.of(preds).task(Task.BINARY).prediction("rawPrediction").logits(true).metric("bce").run().value("bce"),
        row.getDouble(3), 0.0);
    assertEquals(Evaluation.of(preds).task(Task.BINARY).prediction("prediction").metric("f1").run().value("f1"), row.getDouble(4), 0.0);
    double macroF1 = Evaluation.of(preds).task(Task.MULTICLASS).metric("f1").run().value("f1");
    assertEquals(macroF1, row.getDouble(5), 0.0);
    assertNotEquals(binaryF1, macroF1, "the two readings differ on this table, so the test tells them apart");
    assertTrue(row.getDouble(0) > 0.95);
  }

  @Test
  void longerVectorsAreMulticlass() {
    Dataset<Row> preds = predictions("wine.csv", "wine_preds");
    Row row = SparkTests.spark().sql("SELECT accuracy(label, probability), f1(label, probability), log_loss(label, probability)"
        + " FROM wine_preds").first();
    Evaluation.Result ev = Evaluation.of(preds).task(Task.MULTICLASS).metric("accuracy", "f1", "log_loss").run();
    assertEquals(ev.value("accuracy"), row.getDouble(0), 0.0);
    assertEquals(ev.value("f1"), row.getDouble(1), 0.0);
    assertEquals(ev.value("log_loss"), row.getDouble(2), 0.0);
  }
}
