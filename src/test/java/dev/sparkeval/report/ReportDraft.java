package dev.sparkeval.report;

import dev.sparkeval.part.ConfusionParts;
import dev.sparkeval.part.ResidualPlots;
import dev.sparkeval.part.ScoreCurves;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A report being written by hand for a rendering test: set what the test needs, then {@link #build()}. */
final class ReportDraft {
  String command = "evaluate";
  String task;
  String input;
  long rows = 30000;
  Map<String, Double> losses = new LinkedHashMap<>();
  Map<String, Double> metrics = new LinkedHashMap<>();
  ConfusionParts.Matrix confusionMatrix;
  Map<String, ConfusionParts.ClassFigures> perClass;
  ResidualPlots.Plots residuals;
  ScoreCurves.Curves curves;
  Map<String, List<Double>> intervals;
  List<Report.Slice> slices;
  TrainingBlock training;
  double seconds = 1.5;
  List<Report.Gate> gates;
  Report.BootstrapBlock bootstrap;
  BaselineBlock baseline;
  Map<String, dev.sparkeval.drift.Drift> drift;

  ReportDraft(String command, String task, String input) {
    this.command = command;
    this.task = task;
    this.input = input;
  }

  ReportDraft loss(String spec, double v) {
    losses.put(spec, v);
    return this;
  }

  ReportDraft metric(String spec, double v) {
    metrics.put(spec, v);
    return this;
  }

  static Report.Slice slice(String column, String value, long rows, Map<String, Double> metrics, Map<String, List<Double>> intervals) {
    return new Report.Slice(Map.of(column, value), rows, null, rows, Map.of(), metrics, null, null, null, intervals, null, null, null,
        null);
  }

  Report build() {
    return new Report(1, command, task, input, null, rows, rows, null, new LinkedHashMap<>(), rows, losses, metrics, confusionMatrix,
        perClass, residuals, curves, null, null, intervals, null, baseline, drift, slices, new LinkedHashMap<>(), training, seconds,
        gates, bootstrap, null, null);
  }
}
