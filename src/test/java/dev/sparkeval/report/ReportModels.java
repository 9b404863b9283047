package dev.sparkeval.report;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.ReportPart;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.part.ResidualPlots;
import dev.sparkeval.part.ScoreCurves;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Synthetic report models that follow CONTRACT.md's keys, for rendering tests without Spark. */
final class ReportModels {
  private ReportModels() {}

  static Map<String, Object> base(String command, String task, String input) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", 1);
    m.put("command", command);
    m.put("task", task);
    m.put("input", input);
    m.put("rows", 30000L);
    m.put("rows_used", 30000L);
    m.put("rows_skipped", new LinkedHashMap<>());
    m.put("weight_sum", 30000.0);
    return m;
  }

  static Object part(ReportPart p, List<Example> rows) {
    StatSet s = StatSet.of(p.needs());
    for (Example e : rows) s.add(e);
    return p.finish(s);
  }

  static Example row(double label, double prediction) {
    Example e = new Example();
    e.label = label;
    e.prediction = prediction;
    return e;
  }

  static Map<String, Object> regression() {
    Map<String, Object> m = base("evaluate", "regression", "preds.parquet");
    m.put("losses", new LinkedHashMap<>(Map.of("mse", 0.98)));
    m.put("metrics", new LinkedHashMap<>(Map.of("r2", 0.89)));
    Random r = new Random(1);
    List<Example> rows = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      double y = 100 + 20 * r.nextGaussian();
      rows.add(row(y, y + 5 * r.nextGaussian() + 1));
    }
    m.put("residuals", part(new ResidualPlots(), rows));
    m.put("undefined", new LinkedHashMap<>());
    m.put("seconds", 1.5);
    return m;
  }

  static Map<String, Object> binary() {
    Map<String, Object> m = base("evaluate", "binary", "scores.parquet");
    m.put("losses", new LinkedHashMap<>(Map.of("bce", 0.5749030141963897)));
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("accuracy", 0.753);
    metrics.put("auc_roc", 0.83);
    metrics.put("auc_pr", 0.81);
    metrics.put("ece:bins=15", 0.04);
    m.put("metrics", metrics);
    m.put("confusion_matrix", Map.of("labels", List.of(0, 1), "counts", List.of(List.of(11268, 3689), List.of(3721, 11322))));
    Map<String, Object> pc = new LinkedHashMap<>();
    pc.put("0", Map.of("precision", 0.752, "recall", 0.753, "f1", 0.7526, "support", 14957));
    pc.put("1", Map.of("precision", 0.754, "recall", 0.7527, "f1", 0.7535, "support", 15043));
    m.put("per_class", pc);
    Random r = new Random(2);
    List<Example> rows = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      int y = r.nextBoolean() ? 1 : 0;
      double z = (y == 1 ? 1 : -1) + 1.2 * r.nextGaussian();
      rows.add(row(y, 1 / (1 + Math.exp(-z))));
    }
    m.put("curves", part(new ScoreCurves(), rows));
    m.put("undefined", new LinkedHashMap<>());
    m.put("seconds", 2.0);
    return m;
  }

  static Map<String, Object> multiclass() {
    Map<String, Object> m = base("evaluate", "multiclass", "digits.parquet");
    m.put("losses", Map.of("cross_entropy", 0.31));
    m.put("metrics", Map.of("accuracy", 0.91, "f1:average=macro", 0.905));
    m.put("confusion_matrix", Map.of("labels", List.of(0, 1, 2),
        "counts", List.of(List.of(50, 3, 1), List.of(4, 40, 6), List.of(0, 2, 44))));
    Map<String, Object> pc = new LinkedHashMap<>();
    for (int k = 0; k < 3; k++) pc.put(String.valueOf(k), Map.of("precision", 0.9, "recall", 0.88, "f1", 0.89, "support", 50));
    m.put("per_class", pc);
    return m;
  }

  static Map<String, Object> training() {
    Map<String, Object> m = base("train", "binary", "train.parquet");
    m.put("losses", Map.of("bce", 0.41));
    m.put("metrics", Map.of("accuracy", 0.84));
    m.put("training", Map.of("best_epoch", 4, "stopped_epoch", 7, "diagnosis", "overfitting from epoch 5"));
    return m;
  }

  /** Epoch 3 has loss and accuracy rising together; epoch 6 both falling. */
  static List<Map<String, Object>> history() {
    double[] train = {0.69, 0.55, 0.47, 0.43, 0.40, 0.37, 0.35};
    double[] val = {0.68, 0.56, 0.58, 0.45, 0.46, 0.44, 0.47};
    double[] acc = {0.55, 0.74, 0.78, 0.83, 0.84, 0.83, 0.835};
    List<Map<String, Object>> h = new ArrayList<>();
    for (int i = 0; i < train.length; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("epoch", i + 1);
      row.put("iterations", 118);
      row.put("train_loss", train[i]);
      row.put("val_loss", val[i]);
      row.put("val_accuracy", acc[i]);
      row.put("val_auc_roc", 0.6 + 0.04 * i);
      row.put("seconds", 0.8);
      h.add(row);
    }
    return h;
  }
}
