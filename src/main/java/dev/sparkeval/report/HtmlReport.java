package dev.sparkeval.report;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The human report: report.html rendered from the same {@link Report} as report.json, one
 * self-contained page (inline CSS and SVG, no scripts, fonts or images). The template engine
 * escapes every value; only the chart SVG, whose text JFreeSVG escapes, is inserted raw.
 * {@link ReportWriter} writes it beside report.json and metrics.csv.
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

  /** The trend page of a metric history, drawing up to maxSlices slices per value. */
  public static String trend(Trend trend, int maxSlices) {
    Chart.newPage();
    return render("dev/sparkeval/report/trend.peb", TrendView.of(trend, maxSlices));
  }

  private static String render(String template, Map<String, Object> view) {
    StringWriter w = new StringWriter();
    try {
      ENGINE.getTemplate(template).evaluate(w, view);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** The page of a report; history (a training run's epochs) may be null. */
  public static String html(Report report, List<Map<String, Object>> history, Options opts) {
    Chart.newPage();
    return render("dev/sparkeval/report/report.peb", ReportView.of(report, history, opts == null ? Options.DEFAULT : opts));
  }
}
