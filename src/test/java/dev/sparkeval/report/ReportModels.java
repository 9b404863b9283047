package dev.sparkeval.report;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.ReportPart;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.part.ConfusionParts;
import dev.sparkeval.part.ResidualPlots;
import dev.sparkeval.part.ScoreCurves;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Synthetic reports, for rendering tests without Spark; the blocks computed by the real report parts. */
final class ReportModels {
  private ReportModels() {}

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

  static ReportDraft regression() {
    ReportDraft m = new ReportDraft("evaluate", "regression", "preds.parquet").loss("mse", 0.98).metric("r2", 0.89);
    Random r = new Random(1);
    List<Example> rows = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      double y = 100 + 20 * r.nextGaussian();
      rows.add(row(y, y + 5 * r.nextGaussian() + 1));
    }
    m.residuals = (ResidualPlots.Plots) part(new ResidualPlots(), rows);
    return m;
  }

  static ReportDraft binary() {
    ReportDraft m = new ReportDraft("evaluate", "binary", "scores.parquet").loss("bce", 0.5749030141963897)
        .metric("accuracy", 0.753).metric("auc_roc", 0.83).metric("auc_pr", 0.81).metric("ece:bins=15", 0.04);
    m.confusionMatrix = new ConfusionParts.Matrix(List.of(0, 1), List.of(List.of(11268, 3689), List.of(3721, 11322)));
    m.perClass = new LinkedHashMap<>();
    m.perClass.put("0", new ConfusionParts.ClassFigures(0.752, 0.753, 0.7526, 14957));
    m.perClass.put("1", new ConfusionParts.ClassFigures(0.754, 0.7527, 0.7535, 15043));
    Random r = new Random(2);
    List<Example> rows = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      int y = r.nextBoolean() ? 1 : 0;
      double z = (y == 1 ? 1 : -1) + 1.2 * r.nextGaussian();
      rows.add(row(y, 1 / (1 + Math.exp(-z))));
    }
    m.curves = (ScoreCurves.Curves) part(new ScoreCurves(), rows);
    m.seconds = 2.0;
    return m;
  }

  static ReportDraft multiclass() {
    ReportDraft m = new ReportDraft("evaluate", "multiclass", "digits.parquet").loss("cross_entropy", 0.31)
        .metric("accuracy", 0.91).metric("f1:average=macro", 0.905);
    m.confusionMatrix = new ConfusionParts.Matrix(List.of(0, 1, 2),
        List.of(List.of(50, 3, 1), List.of(4, 40, 6), List.of(0, 2, 44)));
    m.perClass = new LinkedHashMap<>();
    for (int k = 0; k < 3; k++) m.perClass.put(String.valueOf(k), new ConfusionParts.ClassFigures(0.9, 0.88, 0.89, 50));
    return m;
  }

  static ReportDraft training() {
    return training("overfitting from epoch 5");
  }

  static ReportDraft training(String diagnosis) {
    ReportDraft m = new ReportDraft("train", "binary", "train.parquet").loss("bce", 0.41).metric("accuracy", 0.84);
    m.training = new TrainingBlock("logistic", "bce", "adam", 0.01, 32, 7, 0, null, 42, true, 240, 60, 8, 7, 4, 0.45, 7,
        true, true, 4, diagnosis, "overfitting", 5, List.of(), 12.0, List.of());
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
