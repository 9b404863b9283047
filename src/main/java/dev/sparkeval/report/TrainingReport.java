package dev.sparkeval.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sparkeval.io.AtomicFiles;
import dev.sparkeval.spark.train.Training;
import dev.sparkeval.train.Epoch;
import dev.sparkeval.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files of a training run: history.json, history.csv, model.json and report.json, written together atomically. */
public final class TrainingReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TrainingReport() {}

  public static void write(Path dir, Training.Outcome o, Map<String, Object> setup, String input, String validation,
                           double seconds) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    List<Map<String, Object>> h = new ArrayList<>();
    for (Epoch e : o.result().history()) h.add(e.toMap());
    Map<String, Object> report = model(o, setup, input, validation, seconds);
    files.put("history.json", json(h));
    files.put("history.csv", csv(o.result().history()));
    files.put("model.json", o.model().json());
    files.put("metrics.csv", MetricsCsv.of(report));
    files.put("report.html", HtmlReport.html(report, h, HtmlReport.Options.DEFAULT));
    files.put("report.json", json(report)); // last: a new report.json means the set is new
    AtomicFiles.write(dir, files);
  }

  public static Map<String, Object> model(Training.Outcome o, Map<String, Object> setup, String input, String validation,
                                          double seconds) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", 1);
    m.put("command", "train");
    m.put("task", o.model().task().id());
    m.put("input", input);
    m.put("validation", validation);
    m.put("rows", o.validation().rows());
    m.put("rows_used", o.validation().rows());
    m.put("rows_skipped", Map.of());
    m.put("weight_sum", o.validation().weightSum());
    Map<String, String> undefined = new LinkedHashMap<>();
    m.put("losses", EvaluationReport.values(o.validation().losses(), undefined, ""));
    m.put("metrics", EvaluationReport.values(o.validation().metrics(), undefined, ""));
    m.putAll(o.validation().parts());
    m.put("undefined", undefined);
    m.put("training", training(o, setup));
    m.put("seconds", seconds);
    return m;
  }

  static Map<String, Object> training(Training.Outcome o, Map<String, Object> setup) {
    Trainer.Result r = o.result();
    Map<String, Object> t = new LinkedHashMap<>(setup);
    t.put("rows_train", o.trainRows());
    t.put("rows_validation", o.validationRows());
    t.put("iterations_per_epoch", r.iterationsPerEpoch());
    t.put("epochs_run", r.history().size());
    t.put("best_epoch", r.bestEpoch());
    t.put("best_val_loss", r.history().stream().filter(e -> e.epoch() == r.bestEpoch()).map(Epoch::valLoss).findFirst().orElse(null));
    t.put("stopped_epoch", r.stoppedEpoch());
    t.put("stopped_early", r.stoppedEarly());
    t.put("restored_best_weights", r.restored());
    t.put("final_weights_epoch", r.restored() ? r.bestEpoch() : r.stoppedEpoch());
    t.put("diagnosis", o.diagnosis().text());
    t.put("fit", o.diagnosis().kind());
    t.put("overfitting_from_epoch", o.diagnosis().overfitFrom());
    t.put("flagged_epochs", o.diagnosis().flagged());
    t.put("iteration_ms", Double.isFinite(r.iterationMs()) ? r.iterationMs() : null);
    if (!o.warnings().isEmpty()) t.put("warnings", o.warnings());
    return t;
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

  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not serialisable", e);
    }
  }
}
