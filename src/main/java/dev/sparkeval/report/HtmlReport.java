package dev.sparkeval.report;

import dev.sparkeval.io.AtomicFiles;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The human report: report.html rendered from the same model as report.json, one self-contained
 * file (inline CSS and SVG, no scripts, fonts or images), written atomically together with
 * report.json and metrics.csv. The template engine escapes every value; only the chart SVG,
 * whose text JFreeSVG escapes, is inserted raw.
 */
public final class HtmlReport {
  /** Presentation choices: the loss or metric that sorts the slice table (null: the first gate's, else the first metric). */
  public record Options(String sliceMetric) {
    public static final Options DEFAULT = new Options(null);
  }

  private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
      .loader(new ClasspathLoader(HtmlReport.class.getClassLoader()))
      .autoEscaping(true)
      .defaultEscapingStrategy("html")
      .strictVariables(false)
      .newLineTrimming(true)
      .build();

  private HtmlReport() {}

  /** Writes report.json, report.html and metrics.csv into dir, all or nothing (see {@link AtomicFiles}). history may be null. */
  public static void write(Path dir, Map<String, Object> model, List<Map<String, Object>> history) throws IOException {
    write(dir, model, history, Options.DEFAULT);
  }

  public static void write(Path dir, Map<String, Object> model, List<Map<String, Object>> history, Options opts)
      throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("metrics.csv", MetricsCsv.of(model));
    files.put("report.html", html(model, history, opts));
    files.put("report.json", EvaluationReport.json(model)); // last: a new report.json means the set is new
    AtomicFiles.write(dir, files);
  }

  public static String html(Map<String, Object> model, List<Map<String, Object>> history, Options opts) {
    PebbleTemplate t = ENGINE.getTemplate("dev/sparkeval/report/report.peb");
    StringWriter w = new StringWriter();
    try {
      t.evaluate(w, ReportView.of(model, history, opts == null ? Options.DEFAULT : opts));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}
