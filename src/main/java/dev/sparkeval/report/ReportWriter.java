package dev.sparkeval.report;

import dev.sparkeval.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's report folder, every file or none: report.json, metrics.csv and report.html
 * from one {@link Report}, and any files of the run's own (a training run's history and model).
 * {@link AtomicFiles} stages them all first; a new folder appears whole, in an existing one
 * report.json is renamed last.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /** history: a training run's epochs as history.json holds them, or null. */
  public static void write(Path dir, Report report, List<Map<String, Object>> history, HtmlReport.Options opts,
                           Map<String, String> extraFiles) throws IOException {
    Map<String, String> files = new LinkedHashMap<>(extraFiles);
    files.put("metrics.csv", MetricsCsv.of(report));
    files.put("report.html", HtmlReport.html(report, history, opts));
    files.put("report.json", ReportJson.of(report)); // renamed last: a new report.json means its companions are new
    AtomicFiles.write(dir, files);
  }

  /** A history's trend folder: trend.json and trend.html (up to maxSlices slices drawn per value). */
  public static void writeTrend(Path dir, Trend trend, int maxSlices) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("trend.json", ReportJson.of(trend));
    files.put("trend.html", HtmlReport.trend(trend, maxSlices));
    AtomicFiles.write(dir, files);
  }

  /** An evaluation's folder: report.json, metrics.csv and report.html. */
  public static void write(Path dir, Report report, HtmlReport.Options opts) throws IOException {
    write(dir, report, null, opts, Map.of());
  }
}
