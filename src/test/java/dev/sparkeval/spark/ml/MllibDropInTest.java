package dev.sparkeval.spark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.testkit.SparkTests;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.evaluation.MultilabelClassificationEvaluator;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every metricName of MLlib's regression and classification evaluators (ranking and clustering
 * are in MllibGroupedDropInTest): SparkevalEvaluator with the same name and parameters gives
 * MLlib's value on the same table (to 1e-12 relative, MLlib summing in plain doubles), and the same
 * isLargerBetter. Switching a CrossValidator is swapping the object.
 */
class MllibDropInTest {
  static final double TOL = 1e-12;

  static Dataset<Row> regression(long seed) {
    Random r = new Random(seed);
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("prediction", DataTypes.DoubleType)
        .add("w", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      double y = 3 + 2 * r.nextGaussian();
      rows.add(RowFactory.create(y, 0.7 * y + 1 + r.nextGaussian(), 0.25 + r.nextInt(4)));
    }
    return SparkTests.spark().createDataFrame(rows, schema);
  }

  static Dataset<Row> binary(long seed) {
    Random r = new Random(seed);
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("rawPrediction", SQLDataTypes.VectorType())
        .add("w", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      double y = r.nextInt(3) == 0 ? 1 : 0;
      double m = Math.round((y * 1.2 - 0.6 + r.nextGaussian()) * 40) / 40.0; // ties: about 300 distinct scores
      rows.add(RowFactory.create(y, Vectors.dense(-m, m), 0.5 + r.nextInt(3)));
    }
    return SparkTests.spark().createDataFrame(rows, schema);
  }

  /** label, prediction (the arg-max, as Spark ML writes it), probability, weight; class 4 is never predicted. */
  static Dataset<Row> multiclass(long seed) {
    Random r = new Random(seed);
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("prediction", DataTypes.DoubleType)
        .add("probability", SQLDataTypes.VectorType()).add("w", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    int k = 5;
    for (int i = 0; i < 700; i++) {
      int y = r.nextInt(k);
      double[] p = new double[k];
      double s = 0;
      for (int c = 0; c < k; c++) {
        p[c] = c == 4 ? 1e-17 : Math.exp(r.nextGaussian() + (c == y ? 1.2 : 0));
        s += p[c];
      }
      int best = 0;
      for (int c = 0; c < k; c++) {
        p[c] /= s;
        if (p[c] > p[best]) best = c;
      }
      rows.add(RowFactory.create((double) y, (double) best, Vectors.dense(p), 0.5 + r.nextInt(3)));
    }
    return SparkTests.spark().createDataFrame(rows, schema);
  }

  /**
   * Arrays of label ids, sorted, as MLlib takes them; some rows have no predicted label, every row a
   * true one (MLlib's recall, accuracy and f1Measure are NaN for a row without: see rowsWithoutLabels).
   */
  static Dataset<Row> multilabel(long seed) {
    Random r = new Random(seed);
    StructType schema = new StructType().add("label", DataTypes.createArrayType(DataTypes.DoubleType))
        .add("prediction", DataTypes.createArrayType(DataTypes.DoubleType));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      TreeSet<Double> y = new TreeSet<>(), p = new TreeSet<>();
      for (int l = 0; l < 6; l++) {
        boolean t = r.nextDouble() < 0.1 + 0.1 * l && l != 5; // label 5 is never true, only predicted
        if (t) y.add((double) l);
        if (r.nextDouble() < (t ? 0.7 : 0.15)) p.add((double) l);
      }
      if (y.isEmpty()) y.add((double) r.nextInt(5));
      rows.add(RowFactory.create(new ArrayList<>(y), new ArrayList<>(p)));
    }
    return SparkTests.spark().createDataFrame(rows, schema);
  }

  static DynamicTest same(String what, Dataset<Row> df, Evaluator mllib, SparkevalEvaluator ours) {
    return DynamicTest.dynamicTest(what, () -> {
      double want = mllib.evaluate(df), got = ours.evaluate(df);
      assertTrue(Math.abs(got - want) <= TOL * Math.max(Math.abs(want), Math.abs(got)) || got == want,
          what + ": sparkeval " + got + ", MLlib " + want);
      assertEquals(mllib.isLargerBetter(), ours.isLargerBetter(), what + ": isLargerBetter");
    });
  }

  @TestFactory
  Stream<DynamicTest> regressionNames() {
    Dataset<Row> df = regression(1).cache();
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : List.of("rmse", "mse", "r2", "mae", "var")) {
      tests.add(same(name, df, new RegressionEvaluator().setMetricName(name), new SparkevalEvaluator().setMetricName(name)));
      if (!name.equals("r2")) { // MLlib's weighted r2 divides by a reliability-weighted variance; see the README
        tests.add(same(name + " weighted", df, new RegressionEvaluator().setMetricName(name).setWeightCol("w"),
            new SparkevalEvaluator().setMetricName(name).setWeightCol("w")));
      }
    }
    tests.add(same("r2 through the origin", df, new RegressionEvaluator().setMetricName("r2").setThroughOrigin(true),
        new SparkevalEvaluator().setMetricName("r2").setThroughOrigin(true)));
    tests.add(same("r2 through the origin weighted", df,
        new RegressionEvaluator().setMetricName("r2").setThroughOrigin(true).setWeightCol("w"),
        new SparkevalEvaluator().setMetricName("r2").setThroughOrigin(true).setWeightCol("w")));
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> binaryNames() {
    Dataset<Row> df = binary(2).cache();
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : List.of("areaUnderROC", "areaUnderPR")) {
      tests.add(same(name, df, new BinaryClassificationEvaluator().setMetricName(name),
          new SparkevalEvaluator().setMetricName(name)));
      tests.add(same(name + " weighted", df, new BinaryClassificationEvaluator().setMetricName(name).setWeightCol("w"),
          new SparkevalEvaluator().setMetricName(name).setWeightCol("w")));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> multiclassNames() {
    Dataset<Row> df = multiclass(3).cache();
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : MllibNames.EVALUATORS.get("MulticlassClassificationEvaluator")) {
      boolean byLabel = name.endsWith("ByLabel");
      for (double label : byLabel ? new double[] {0, 2, 3} : new double[] {0}) {
        for (double beta : name.contains("Measure") ? new double[] {1, 0.5} : new double[] {1}) {
          for (boolean weighted : new boolean[] {false, true}) {
            MulticlassClassificationEvaluator m = new MulticlassClassificationEvaluator().setMetricName(name)
                .setMetricLabel(label).setBeta(beta).setEps(name.equals("logLoss") ? 1e-3 : 1e-15);
            SparkevalEvaluator o = new SparkevalEvaluator().setMetricName(name).setMetricLabel(label).setBeta(beta)
                .setEps(name.equals("logLoss") ? 1e-3 : 1e-15);
            if (weighted) {
              m.setWeightCol("w");
              o.setWeightCol("w");
            }
            tests.add(same(name + (byLabel ? " label " + label : "") + (beta != 1 ? " beta " + beta : "")
                + (weighted ? " weighted" : ""), df, m, o));
          }
        }
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> multilabelNames() {
    Dataset<Row> df = multilabel(4).cache();
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : MllibNames.EVALUATORS.get("MultilabelClassificationEvaluator")) {
      boolean byLabel = name.endsWith("ByLabel");
      for (double label : byLabel ? new double[] {0, 3, 4} : new double[] {0}) {
        tests.add(same(name + (byLabel ? " label " + label : ""), df,
            new MultilabelClassificationEvaluator().setMetricName(name).setMetricLabel(label),
            new SparkevalEvaluator().setMetricName(name).setMetricLabel(label)));
      }
    }
    return tests.stream();
  }

  /** Where MLlib divides 0 by 0 (a row with no true label), sparkeval applies zero_division and says so. */
  @TestFactory
  Stream<DynamicTest> rowsWithoutLabels() {
    StructType schema = new StructType().add("label", DataTypes.createArrayType(DataTypes.DoubleType))
        .add("prediction", DataTypes.createArrayType(DataTypes.DoubleType));
    Dataset<Row> df = SparkTests.spark().createDataFrame(List.of(RowFactory.create(List.of(0.0, 1.0), List.of(1.0)),
        RowFactory.create(List.of(), List.of()), RowFactory.create(List.of(2.0), List.of(2.0, 0.0))), schema);
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : List.of("accuracy", "recall", "f1Measure")) {
      tests.add(DynamicTest.dynamicTest(name, () -> {
        assertTrue(Double.isNaN(new MultilabelClassificationEvaluator().setMetricName(name).evaluate(df)), "MLlib: NaN");
        SparkevalEvaluator o = new SparkevalEvaluator().setMetricName(name);
        double v = o.evaluate(df);
        assertEquals(name.equals("recall") ? 1.5 / 3 : name.equals("accuracy") ? (0.5 + 0.5) / 3 : (2.0 / 3 + 2.0 / 3) / 3, v, 1e-15);
        assertTrue(o.result(df).outcome(o.result(df).plan().metrics().get(0).spec().text()).note().contains("zero_division"));
      }));
    }
    return tests.stream();
  }

  /** The one-line switch: the same CrossValidator with MLlib's evaluator and with ours averages the same metrics, picks the same model. */
  @org.junit.jupiter.api.Test
  void crossValidatorSwitchIsOneLine() {
    Dataset<Row> data = SparkevalEvaluatorTest.csv("wine.csv", "label");
    org.apache.spark.ml.classification.LogisticRegression lr = new org.apache.spark.ml.classification.LogisticRegression().setMaxIter(30);
    org.apache.spark.ml.param.ParamMap[] grid = new org.apache.spark.ml.tuning.ParamGridBuilder()
        .addGrid(lr.regParam(), new double[] {0.0, 0.3, 3.0}).build();
    org.apache.spark.ml.tuning.CrossValidator cv = new org.apache.spark.ml.tuning.CrossValidator()
        .setEstimator(SparkevalEvaluatorTest.pipeline(lr)).setEstimatorParamMaps(grid).setNumFolds(2).setSeed(7);
    double[] mllib = cv.setEvaluator(new MulticlassClassificationEvaluator().setMetricName("weightedRecall")).fit(data).avgMetrics();
    double[] ours = cv.setEvaluator(new SparkevalEvaluator().setMetricName("weightedRecall")).fit(data).avgMetrics();
    for (int i = 0; i < grid.length; i++) assertEquals(mllib[i], ours[i], 1e-12 * mllib[i], "grid point " + i);
    assertTrue(mllib[0] != mllib[2], "the grid points differ, so the choice is real: " + java.util.Arrays.toString(mllib));
  }

  /** The differences the README states, checked against MLlib itself. */
  @org.junit.jupiter.api.Test
  void documentedDifferencesHold() {
    Dataset<Row> reg = regression(5);
    // MLlib's weighted r2: 1 - SSerr / (M2 (W - 1) / (W - sum w^2 / W)), M2 the weighted sum of squared deviations
    double sw = 0, sww = 0, swy = 0, swe = 0;
    for (Row r : reg.collectAsList()) {
      double w = r.getDouble(2), e = r.getDouble(0) - r.getDouble(1);
      sw += w;
      sww += w * w;
      swy += w * r.getDouble(0);
      swe += w * e * e;
    }
    double mean = swy / sw, m2 = 0;
    for (Row r : reg.collectAsList()) m2 += r.getDouble(2) * (r.getDouble(0) - mean) * (r.getDouble(0) - mean);
    double mllibR2 = new RegressionEvaluator().setMetricName("r2").setWeightCol("w").evaluate(reg);
    assertEquals(1 - swe / (m2 * (sw - 1) / (sw - sww / sw)), mllibR2, 1e-9);
    assertEquals(1 - swe / m2, new SparkevalEvaluator().setMetricName("r2").setWeightCol("w").evaluate(reg), 1e-12);
    // a ...ByLabel class absent from the labels: MLlib throws, sparkeval applies zero_division
    Dataset<Row> mc = multiclass(6);
    org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
        () -> new MulticlassClassificationEvaluator().setMetricName("precisionByLabel").setMetricLabel(7).evaluate(mc));
    SparkevalEvaluator absent = new SparkevalEvaluator().setMetricName("precisionByLabel").setMetricLabel(4);
    assertEquals(0.0, absent.evaluate(mc), "class 4 is never predicted: precision 0/0 takes zero_division");
  }

  @org.junit.jupiter.api.Test
  void badMllibSettingsAreOneLine() {
    Dataset<Row> mc = multiclass(7);
    List<String[]> cases = List.of(
        new String[] {"set metric (a sparkeval spec) or metricName (an MLlib name), not both", "f1", "accuracy"},
        new String[] {"unknown metricName 'weightedPrecison' (did you mean 'weightedPrecision'?)", "weightedPrecison", null},
        new String[] {"unknown metricName 'areaUnderRoc' (did you mean 'areaUnderROC'?)", "areaUnderRoc", null});
    for (String[] c : cases) {
      SparkevalEvaluator e = new SparkevalEvaluator().setMetricName(c[1]);
      if (c[2] != null) e.setMetric(c[2]);
      dev.sparkeval.core.UsageException x = org.junit.jupiter.api.Assertions.assertThrows(dev.sparkeval.core.UsageException.class,
          () -> e.evaluate(mc));
      assertTrue(x.getMessage().contains(c[0]), x.getMessage());
    }
    dev.sparkeval.core.UsageException x = org.junit.jupiter.api.Assertions.assertThrows(dev.sparkeval.core.UsageException.class,
        () -> new SparkevalEvaluator().setMetricName("recallByLabel").setMetricLabel(1.5).evaluate(mc));
    assertTrue(x.getMessage().contains("metricLabel must be a class index (0, 1, 2, ...) here, got 1.5"), x.getMessage());
    x = org.junit.jupiter.api.Assertions.assertThrows(dev.sparkeval.core.UsageException.class,
        () -> new SparkevalEvaluator().setTask("regression").setMetricName("f1").evaluate(mc));
    assertTrue(x.getMessage().contains("metricName 'f1' is not a metric of MLlib's evaluator for task regression"), x.getMessage());
  }
}
