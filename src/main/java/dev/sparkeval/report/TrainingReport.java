package dev.sparkeval.report;

import dev.sparkeval.core.Plan;
import dev.sparkeval.spark.train.Training;
import dev.sparkeval.train.Epoch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files of a training run: history.json, history.csv, model.json and the report, written together atomically. */
public final class TrainingReport {
  private TrainingReport() {}

  public static void write(Path dir, Training.Outcome o, Training.Settings s, String input, String validation,
                           double seconds) throws IOException {
    List<Map<String, Object>> h = new ArrayList<>();
    for (Epoch e : o.result().history()) h.add(e.toMap());
    Map<String, String> files = new LinkedHashMap<>();
    files.put("history.json", ReportJson.of(h));
    files.put("history.csv", csv(o.result().history()));
    files.put("model.json", o.model().json());
    ReportWriter.write(dir, report(o, s, input, validation, seconds), h, HtmlReport.Options.DEFAULT, files);
  }

  /** report.json of a train run: the final validation's values and blocks, and the {@code training} block. */
  public static Report report(Training.Outcome o, Training.Settings s, String input, String validation, double seconds) {
    Plan.Outcome v = o.validation();
    Map<String, String> undefined = new LinkedHashMap<>();
    Map<String, Double> losses = Report.values(v.losses(), undefined);
    Map<String, Double> metrics = Report.values(v.metrics(), undefined);
    Report.Blocks b = Report.blocks(v.parts());
    return new Report(1, "train", o.model().task().id(), input, validation, v.rows(), v.rows(), null, Map.of(), v.weightSum(),
        losses, metrics, b.confusionMatrix(), b.perClass(), b.residuals(), b.curves(), null, null, b.intervals(), null, null, null,
        null, undefined, TrainingBlock.of(o, s), seconds, null, null, null, null);
  }

  static String csv(List<Epoch> history) {
    StringBuilder sb = new StringBuilder();
    if (history.isEmpty()) return "epoch,iterations,train_loss,val_loss,seconds\n";
    sb.append(String.join(",", history.get(0).toMap().keySet().stream().map(TrainingReport::cell).toList())).append('\n');
    for (Epoch e : history) {
      List<String> cells = new ArrayList<>();
      for (Object v : e.toMap().values()) cells.add(v == null ? "" : cell(String.valueOf(v)));
      sb.append(String.join(",", cells)).append('\n');
    }
    return sb.toString();
  }

  private static String cell(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
