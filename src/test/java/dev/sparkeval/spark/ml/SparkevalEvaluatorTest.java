package dev.sparkeval.spark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.catalog.Catalogs;
import dev.sparkeval.core.Direction;
import dev.sparkeval.core.Entry;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.testkit.SparkTests;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.ml.tuning.TrainValidationSplit;
import org.apache.spark.ml.tuning.TrainValidationSplitModel;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark ML evaluator in real MLlib model selection, with save and load, against MLlib's own evaluators. */
class SparkevalEvaluatorTest {
  @TempDir Path dir;

  static Dataset<Row> csv(String name, String label) {
    Dataset<Row> raw = SparkTests.spark().read().option("header", "true").option("inferSchema", "true")
        .csv(Path.of("data", name).toString()).withColumnRenamed(label, "label");
    String[] features = Arrays.stream(raw.columns()).filter(c -> !c.equals("label")).toArray(String[]::new);
    return new VectorAssembler().setInputCols(features).setOutputCol("raw").transform(raw).select("raw", "label").cache();
  }

  static Pipeline pipeline(PipelineStage model) {
    return new Pipeline().setStages(new PipelineStage[] {new StandardScaler().setInputCol("raw").setOutputCol("features"), model});
  }

  @Test
  void tunesLogisticRegressionInCrossValidatorAndSavesAndLoadsTheModel() throws Exception {
    Dataset<Row> data = csv("breast_cancer.csv", "label");
    LogisticRegression lr = new LogisticRegression().setMaxIter(50);
    ParamMap[] grid = new ParamGridBuilder().addGrid(lr.regParam(), new double[] {0.0, 0.01, 1.0}).build();
    // mse of the predicted class against the 0/1 label is the error rate: smaller is better
    SparkevalEvaluator ev = new SparkevalEvaluator().setTask("regression").setMetric("mse").setMetrics("mae");
    assertFalse(ev.isLargerBetter());
    CrossValidator cv = new CrossValidator().setEstimator(pipeline(lr)).setEvaluator(ev).setEstimatorParamMaps(grid)
        .setNumFolds(3).setSeed(7);
    CrossValidatorModel model = cv.fit(data);
    CrossValidatorModel mllib = cv.copy(new ParamMap()).setEvaluator(new MulticlassClassificationEvaluator().setMetricName("accuracy")).fit(data);
    for (int i = 0; i < grid.length; i++) {
      assertEquals(1 - mllib.avgMetrics()[i], model.avgMetrics()[i], 1e-12, "grid point " + i);
    }
    assertEquals(argmax(mllib.avgMetrics()), argmin(model.avgMetrics()));

    String path = dir.resolve("cv").toString();
    model.write().overwrite().save(path);
    CrossValidatorModel loaded = CrossValidatorModel.load(path);
    assertArrayEquals(model.avgMetrics(), loaded.avgMetrics(), 0.0);
    SparkevalEvaluator back = (SparkevalEvaluator) loaded.getEvaluator();
    assertEquals("mse", back.getMetric());
    assertEquals("regression", back.getTask());
    assertArrayEquals(new String[] {"mae"}, back.getMetrics());
    assertEquals(ev.uid(), back.uid());
    assertEquals(ev.evaluate(model.transform(data)), back.evaluate(loaded.transform(data)), 0.0);
  }

  @Test
  void tunesLogisticRegressionOnExactAucLikeMllibAndOnLogLossInTrainValidationSplit() {
    Dataset<Row> data = csv("breast_cancer.csv", "label");
    LogisticRegression lr = new LogisticRegression().setMaxIter(20);
    ParamMap[] grid = new ParamGridBuilder().addGrid(lr.regParam(), new double[] {0.001, 0.1, 10.0}).build();
    SparkevalEvaluator ev = new SparkevalEvaluator().setTask("binary").setMetric("auc_roc").setMetrics("log_loss", "accuracy");
    assertTrue(ev.isLargerBetter());
    assertEquals("probability", ev.getPredictionCol());
    CrossValidator cv = new CrossValidator().setEstimator(pipeline(lr)).setEvaluator(ev).setEstimatorParamMaps(grid)
        .setNumFolds(3).setSeed(11);
    CrossValidatorModel ours = cv.fit(data);
    // MLlib ranks the same probabilities when pointed at them, without binning
    CrossValidatorModel mllib = cv.copy(new ParamMap()).setEvaluator(new BinaryClassificationEvaluator()
        .setRawPredictionCol("probability").setMetricName("areaUnderROC").setNumBins(0)).fit(data);
    for (int i = 0; i < grid.length; i++) assertEquals(mllib.avgMetrics()[i], ours.avgMetrics()[i], 1e-12, "grid point " + i);
    assertEquals(argmax(mllib.avgMetrics()), argmax(ours.avgMetrics()));

    SparkevalEvaluator logLoss = ev.copy(new ParamMap()).setMetric("log_loss");
    assertFalse(logLoss.isLargerBetter());
    TrainValidationSplitModel tvs = new TrainValidationSplit().setEstimator(pipeline(lr)).setEvaluator(logLoss)
        .setEstimatorParamMaps(grid).setTrainRatio(0.75).setSeed(2).fit(data);
    assertEquals(argmin(tvs.validationMetrics()), indexOf(grid, tvs.bestModel()));
    Map<String, Double> all = ev.evaluateAll(tvs.transform(data));
    assertEquals(List.of("auc_roc", "log_loss", "accuracy"), List.copyOf(all.keySet()));
    assertTrue(all.get("auc_roc") > 0.95 && all.get("accuracy") > 0.9, all.toString());
  }

  /** The grid point whose regParam the fitted pipeline's model has. */
  static int indexOf(ParamMap[] grid, org.apache.spark.ml.Model<?> best) {
    org.apache.spark.ml.PipelineModel p = (org.apache.spark.ml.PipelineModel) best;
    double reg = ((org.apache.spark.ml.classification.LogisticRegressionModel) p.stages()[1]).getRegParam();
    for (int i = 0; i < grid.length; i++) {
      for (org.apache.spark.ml.param.ParamPair<?> pp : grid[i].toList()) if (pp.value().equals(reg)) return i;
    }
    throw new AssertionError("regParam " + reg + " is not in the grid");
  }

  @Test
  void tunesLinearRegressionOnR2LikeMllibAndInTrainValidationSplit() {
    Dataset<Row> data = csv("diabetes.csv", "progression");
    LinearRegression lin = new LinearRegression();
    ParamMap[] grid = new ParamGridBuilder().addGrid(lin.regParam(), new double[] {0.0, 3.0, 30.0}).build();
    SparkevalEvaluator ev = new SparkevalEvaluator().setMetric("r2");
    assertTrue(ev.isLargerBetter());
    CrossValidator cv = new CrossValidator().setEstimator(pipeline(lin)).setEvaluator(ev).setEstimatorParamMaps(grid)
        .setNumFolds(3).setSeed(3).setParallelism(2);
    CrossValidatorModel ours = cv.fit(data);
    CrossValidatorModel mllib = cv.copy(new ParamMap()).setEvaluator(new RegressionEvaluator().setMetricName("r2")).fit(data);
    for (int i = 0; i < grid.length; i++) assertEquals(mllib.avgMetrics()[i], ours.avgMetrics()[i], 1e-12);
    assertEquals(argmax(mllib.avgMetrics()), argmax(ours.avgMetrics()));

    TrainValidationSplitModel tvs = new TrainValidationSplit().setEstimator(pipeline(lin)).setEvaluator(ev.copy(new ParamMap()).setMetric("mae"))
        .setEstimatorParamMaps(grid).setTrainRatio(0.7).setSeed(5).fit(data);
    assertEquals(grid.length, tvs.validationMetrics().length);
    assertNotNull(tvs.bestModel());
  }

  @Test
  void evaluateAllIsOnePassAndEqualsEachEvaluate() throws Exception {
    Dataset<Row> data = csv("diabetes.csv", "progression");
    Dataset<Row> preds = pipeline(new LinearRegression()).fit(data).transform(data).cache();
    preds.count();
    SparkevalEvaluator ev = new SparkevalEvaluator().setMetric("mse").setMetrics("rmse", "mae", "r2", "huber:delta=20");
    AtomicInteger jobs = new AtomicInteger();
    SparkListener counter = new SparkListener() {
      @Override public void onJobStart(SparkListenerJobStart start) {
        jobs.incrementAndGet();
      }
    };
    SparkTests.spark().sparkContext().addSparkListener(counter);
    Map<String, Double> all;
    try {
      all = ev.evaluateAll(preds);
      SparkTests.spark().sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      SparkTests.spark().sparkContext().removeSparkListener(counter);
    }
    assertEquals(1, jobs.get(), "one Spark job for five values");
    assertEquals(List.of("mse", "rmse", "mae", "r2", "huber:delta=20"), List.copyOf(all.keySet()));
    for (String spec : all.keySet()) {
      assertEquals(all.get(spec), ev.copy(new ParamMap()).setMetric(spec).evaluate(preds), 0.0, spec);
    }
    assertEquals(new RegressionEvaluator().setMetricName("rmse").evaluate(preds), all.get("rmse"), 1e-12 * all.get("rmse"));
  }

  @Test
  void isLargerBetterIsTheEntrysDirection() {
    SparkevalEvaluator ev = new SparkevalEvaluator();
    assertEquals("mse", ev.getMetric());
    assertThrows(UsageException.class, () -> ev.setMetric("mean_error").isLargerBetter());
    assertThrows(UsageException.class, () -> new SparkevalEvaluator().setMetric("nope").isLargerBetter());
    for (Entry e : Catalogs.standard().entries()) {
      Task t = e.tasks().iterator().next();
      if (e.direction() == Direction.CLOSEST_TO_ZERO) continue;
      boolean larger = new SparkevalEvaluator().setTask(t.id()).setMetric(e.name()).isLargerBetter();
      assertEquals(e.direction() == Direction.LARGER, larger, e.name());
    }
  }

  static int argmax(double[] a) {
    int best = 0;
    for (int i = 1; i < a.length; i++) if (a[i] > a[best]) best = i;
    return best;
  }

  static int argmin(double[] a) {
    int best = 0;
    for (int i = 1; i < a.length; i++) if (a[i] < a[best]) best = i;
    return best;
  }
}
