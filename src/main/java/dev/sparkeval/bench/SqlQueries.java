package dev.sparkeval.bench;

import dev.sparkeval.core.Task;
import dev.sparkeval.spark.Evaluation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Spark user writes instead of sparkeval: one SELECT of built-in aggregates per suite,
 * computing the same values (over a view {@code t} of segment, label, prediction, y, probability),
 * and the sparkeval settings that compute them.
 */
public final class SqlQueries {
  private SqlQueries() {}

  /** mse, rmse, mae, huber (delta 1), r2 (from sums), mean_error. */
  public static final String REGRESSION = """
      SELECT avg(pow(label - prediction, 2)) AS mse,
             sqrt(avg(pow(label - prediction, 2))) AS rmse,
             avg(abs(label - prediction)) AS mae,
             avg(CASE WHEN abs(label - prediction) < 1.0 THEN 0.5 * pow(label - prediction, 2)
                      ELSE 1.0 * (abs(label - prediction) - 0.5 * 1.0) END) AS huber,
             1 - sum(pow(label - prediction, 2))
                 / (sum(label * label) - sum(label) * sum(label) / count(*)) AS r2,
             avg(prediction - label) AS mean_error
      FROM t""";

  /** bce (logs clamped at -100 as PyTorch), accuracy, precision, recall, f1 (decision p > 0.5), brier. */
  public static final String BINARY = """
      SELECT bce, (tp + tn) / n AS accuracy, tp / (tp + fp) AS precision, tp / (tp + fn) AS recall,
             2 * tp / (2 * tp + fp + fn) AS f1, brier
      FROM (SELECT avg(-(y * greatest(ln(probability), -100)
                         + (1 - y) * greatest(ln(1 - probability), -100))) AS bce,
                   sum(CASE WHEN probability > 0.5 AND y = 1 THEN 1 ELSE 0 END) AS tp,
                   sum(CASE WHEN probability > 0.5 AND y = 0 THEN 1 ELSE 0 END) AS fp,
                   sum(CASE WHEN probability <= 0.5 AND y = 1 THEN 1 ELSE 0 END) AS fn,
                   sum(CASE WHEN probability <= 0.5 AND y = 0 THEN 1 ELSE 0 END) AS tn,
                   count(*) AS n,
                   avg(pow(probability - y, 2)) AS brier
            FROM t)""";

  /** mse, mae and r2 per segment. */
  public static final String SLICED = """
      SELECT segment, avg(pow(label - prediction, 2)) AS mse, avg(abs(label - prediction)) AS mae,
             1 - sum(pow(label - prediction, 2))
                 / (sum(label * label) - sum(label) * sum(label) / count(*)) AS r2
      FROM t GROUP BY segment""";

  /** The regression suite as sparkeval's SQL functions: fused by the optimizer rule into one state. */
  public static final String FUNCTIONS = """
      SELECT mse(label, prediction) AS mse, rmse(label, prediction) AS rmse, mae(label, prediction) AS mae,
             huber(label, prediction) AS huber, r2(label, prediction) AS r2, mean_error(label, prediction) AS mean_error
      FROM t""";

  /** A bare pass over the columns the regression suites read. */
  public static final String SCAN = "SELECT sum(label + prediction) FROM t";

  /** A bare pass over the columns the binary suites read. */
  public static final String BINARY_SCAN = "SELECT sum(y + probability) FROM t";

  public static Map<String, String> all() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("scan", SCAN);
    m.put("regression", REGRESSION);
    m.put("binary", BINARY);
    m.put("sliced", SLICED);
    m.put("functions", FUNCTIONS);
    m.put("binary_scan", BINARY_SCAN);
    return m;
  }

  static Evaluation.Settings regression() {
    return Bench.settings(Task.REGRESSION, "prediction", List.of("mse", "rmse", "mae", "huber"), List.of("r2", "mean_error"));
  }

  static Evaluation.Settings binary() {
    Evaluation.Settings s = Bench.settings(Task.BINARY, "probability", List.of("bce"),
        List.of("accuracy", "precision", "recall", "f1", "brier"));
    return Evaluation.settings().settings(s).label("y").build();
  }

  static Evaluation.Settings sliced() {
    Evaluation.Settings s = Bench.settings(Task.REGRESSION, "prediction", List.of("mse", "mae"), List.of("r2"));
    return Evaluation.settings().settings(s).slice("segment").build();
  }

  /** The binary fused suite of the scaling series, over y and probability. */
  static Evaluation.Settings fusedSuite(int bins) {
    return Evaluation.settings().settings(Bench.fusedSuite(bins)).label("y").build();
  }
}
