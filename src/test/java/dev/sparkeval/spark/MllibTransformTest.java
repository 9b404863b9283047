package dev.sparkeval.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.core.Task;
import dev.sparkeval.core.Value;
import dev.sparkeval.testkit.Fixtures;
import dev.sparkeval.testkit.SparkTests;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The real transform() output of MLlib's LogisticRegression (label, features, rawPrediction,
 * probability, prediction) evaluates as it is, and every value matches a naive single-threaded
 * computation over the collected predictions.
 */
class MllibTransformTest {

  static Dataset<Row> predictions(String file, String family) {
    Dataset<Row> raw = SparkTests.spark().read().option("header", "true").option("inferSchema", "true").csv("data/" + file);
    String[] features = Arrays.stream(raw.columns()).filter(c -> !c.equals("label")).toArray(String[]::new);
    Dataset<Row> data = new VectorAssembler().setInputCols(features).setOutputCol("features").transform(raw);
    Dataset<Row>[] split = data.randomSplit(new double[] {0.7, 0.3}, 7);
    return new LogisticRegression().setFamily(family).setMaxIter(60).setRegParam(0.01).fit(split[0]).transform(split[1]);
  }

  static Map<String, Value> evaluate(Dataset<Row> df, Task task, String prediction, boolean logits, List<String> metrics) {
    return Evaluation.of(df).task(task).label("label").prediction(prediction).metric(metrics.toArray(String[]::new))
        .logits(logits).run().overall().metrics();
  }

  static void close(Map<String, Value> got, Map<String, Double> naive) {
    List<String> bad = new ArrayList<>();
    naive.forEach((k, v) -> {
      if (!got.get(k).defined() || !Fixtures.close(got.get(k).value(), v, 1e-12)) bad.add(k + ": " + got.get(k) + " vs naive " + v);
    });
    assertTrue(bad.isEmpty(), String.join("\n", bad));
  }

  /** AUC by counting every (positive, negative) pair; ties count one half. */
  static double pairAuc(double[] score, boolean[] pos) {
    double num = 0, np = 0, nn = 0;
    for (int i = 0; i < score.length; i++) {
      if (pos[i]) np++;
      else nn++;
      if (!pos[i]) continue;
      for (int j = 0; j < score.length; j++) {
        if (pos[j]) continue;
        num += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
      }
    }
    return num / (np * nn);
  }

  /** Average precision: for each positive, the precision among rows scored at least as high. */
  static double naiveAp(double[] score, boolean[] pos) {
    double sum = 0, np = 0;
    for (int i = 0; i < score.length; i++) {
      if (!pos[i]) continue;
      np++;
      double tp = 0, all = 0;
      for (int j = 0; j < score.length; j++) {
        if (score[j] >= score[i]) {
          all++;
          if (pos[j]) tp++;
        }
      }
      sum += tp / all;
    }
    return sum / np;
  }

  @Test
  void binaryLogisticRegressionOnBreastCancer() {
    Dataset<Row> df = predictions("breast_cancer.csv", "binomial");
    List<Row> rows = df.select("label", "probability", "rawPrediction", "prediction").collectAsList();
    int n = rows.size();
    double[] p = new double[n], y = new double[n];
    boolean[] pos = new boolean[n];
    double correct = 0, tp = 0, fp = 0, fn = 0, logLoss = 0, brier = 0, bce = 0;
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      y[i] = ((Number) r.get(0)).doubleValue();
      p[i] = ((Vector) r.get(1)).apply(1);
      pos[i] = y[i] == 1;
      double d = p[i] > 0.5 ? 1 : 0;
      assertEquals(r.getDouble(3), d, "sparkeval's decision is Spark ML's prediction");
      if (d == y[i]) correct++;
      if (d == 1 && pos[i]) tp++;
      if (d == 1 && !pos[i]) fp++;
      if (d == 0 && pos[i]) fn++;
      double c = Math.min(Math.max(p[i], Math.ulp(1.0)), 1 - Math.ulp(1.0));
      logLoss += -Math.log((pos[i] ? c : 1 - c) / ((1 - c) + c));
      brier += (p[i] - y[i]) * (p[i] - y[i]);
      bce += -(y[i] * Math.max(Math.log(p[i]), -100) + (1 - y[i]) * Math.max(Math.log(1 - p[i]), -100));
    }
    Map<String, Double> naive = new LinkedHashMap<>();
    naive.put("accuracy", correct / n);
    naive.put("precision", tp / (tp + fp));
    naive.put("recall", tp / (tp + fn));
    naive.put("f1", 2 * tp / (2 * tp + fp + fn));
    naive.put("log_loss", logLoss / n);
    naive.put("brier", brier / n);
    naive.put("bce", bce / n);
    naive.put("auc_roc", pairAuc(p, pos));
    naive.put("auc_pr", naiveAp(p, pos));
    close(evaluate(df, Task.BINARY, "probability", false, new ArrayList<>(naive.keySet())), naive);
    // rawPrediction is [-margin, margin]: with --logits the ranking metrics are the same
    Map<String, Value> raw = evaluate(df, Task.BINARY, "rawPrediction", true, List.of("auc_roc", "accuracy"));
    close(raw, Map.of("auc_roc", naive.get("auc_roc"), "accuracy", naive.get("accuracy")));
  }

  @Test
  void multinomialLogisticRegressionOnDigits() {
    Dataset<Row> df = predictions("digits.csv", "multinomial");
    List<Row> rows = df.select("label", "probability", "prediction").collectAsList();
    int n = rows.size(), k = 10;
    double[][] p = new double[n][];
    int[] y = new int[n];
    double correct = 0, top3 = 0, ce = 0;
    double[][] cm = new double[k][k];
    for (int i = 0; i < n; i++) {
      y[i] = ((Number) rows.get(i).get(0)).intValue();
      p[i] = ((Vector) rows.get(i).get(1)).toArray();
      int best = 0;
      for (int c = 1; c < k; c++) if (p[i][c] > p[i][best]) best = c;
      assertEquals(rows.get(i).getDouble(2), best, "argmax is Spark ML's prediction");
      cm[y[i]][best]++;
      if (best == y[i]) correct++;
      int above = 0;
      for (int c = 0; c < k; c++) if (p[i][c] > p[i][y[i]] || (p[i][c] == p[i][y[i]] && c > y[i])) above++;
      if (above < 3) top3++;
      ce += -Math.log(p[i][y[i]]);
    }
    double f1 = 0, auc = 0;
    int present = 0;
    for (int c = 0; c < k; c++) {
      double tp = cm[c][c], predicted = 0, truth = 0;
      for (int j = 0; j < k; j++) {
        predicted += cm[j][c];
        truth += cm[c][j];
      }
      if (predicted + truth > 0) present++;
      f1 += predicted + truth == 0 ? 0 : 2 * tp / (predicted + truth);
      double[] score = new double[n];
      boolean[] pos = new boolean[n];
      for (int i = 0; i < n; i++) {
        score[i] = p[i][c];
        pos[i] = y[i] == c;
      }
      auc += pairAuc(score, pos);
    }
    Map<String, Double> naive = new LinkedHashMap<>();
    naive.put("accuracy", correct / n);
    naive.put("top_k_accuracy:k=3", top3 / n);
    naive.put("cross_entropy", ce / n);
    naive.put("f1:average=macro", f1 / present);
    naive.put("auc_roc", auc / k);
    close(evaluate(df, Task.MULTICLASS, "probability", false, new ArrayList<>(naive.keySet())), naive);
  }
}
