package dev.sparkeval.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** A Spark ML classifier's transform() output queried as it is: vector probabilities, the task from the types or named. */
class MllibOutputSqlTest {
  @Test
  void classifierOutputEvaluatesWithoutReshaping() {
    SqlFunctions.register(SparkTests.spark());
    Dataset<Row> raw = SparkTests.spark().read().option("header", "true").option("inferSchema", "true")
        .csv(Path.of("data", "breast_cancer.csv").toString());
    String[] features = Arrays.stream(raw.columns()).filter(c -> !c.equals("label")).toArray(String[]::new);
    Dataset<Row> data = new VectorAssembler().setInputCols(features).setOutputCol("features").transform(raw);
    Dataset<Row> preds = new LogisticRegression().setMaxIter(20).setRegParam(0.1).fit(data).transform(data)
        .select("label", "probability", "rawPrediction", "prediction");
    preds.createOrReplaceTempView("lr_preds");
    Row row = SparkTests.spark().sql("SELECT auc_roc(label, probability, 'task=binary'), accuracy(label, probability),"
        + " bce(label, rawPrediction, 'logits=true'), f1(label, prediction, 'task=binary') FROM lr_preds").first();
    assertEquals(Evaluation.of(preds).task(Task.BINARY).metric("auc_roc").run().value("auc_roc"), row.getDouble(0), 0.0);
    // a vector probability with a number label reads as multiclass unless told otherwise
    assertEquals(Evaluation.of(preds).task(Task.MULTICLASS).metric("accuracy").run().value("accuracy"), row.getDouble(1), 0.0);
    assertEquals(Evaluation.of(preds).task(Task.BINARY).prediction("rawPrediction").logits(true).metric("bce").run().value("bce"),
        row.getDouble(2), 0.0);
    assertEquals(Evaluation.of(preds).task(Task.BINARY).prediction("prediction").metric("f1").run().value("f1"), row.getDouble(3), 0.0);
    assertTrue(row.getDouble(0) > 0.95);
  }
}
