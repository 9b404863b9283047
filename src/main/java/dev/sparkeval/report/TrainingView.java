package dev.sparkeval.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The training story from history.json rows and the report's {@link TrainingBlock}: loss
 * curves with the best epoch marked, metric curves, and the epochs where validation loss and
 * accuracy moved the "wrong" way together, each explained in one sentence.
 */
final class TrainingView {
  private static final Set<String> NOT_METRICS = Set.of("epoch", "iterations", "train_loss", "val_loss", "seconds");

  private TrainingView() {}

  static Map<String, Object> of(TrainingBlock training, List<Map<String, Object>> history) {
    if (training == null && (history == null || history.isEmpty())) return null;
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("diagnosis", training == null ? null : training.diagnosis());
    v.put("best_epoch", training == null ? null : String.valueOf(training.bestEpoch()));
    v.put("stopped_epoch", training == null ? null : String.valueOf(training.stoppedEpoch()));
    List<Map<String, Object>> notes = history == null ? List.of() : wrongWay(history);
    v.put("notes", notes);
    List<Chart> charts = new ArrayList<>();
    if (history != null && !history.isEmpty()) {
      charts.add(losses(history, training == null ? null : (double) training.bestEpoch(), notes));
      Chart m = metrics(history);
      if (m != null) charts.add(m);
    }
    v.put("charts", charts);
    return v;
  }

  /** The accuracy-like column of the history: val_accuracy, accuracy, or the first one naming accuracy. */
  static String accuracyKey(Map<String, Object> row) {
    if (row.containsKey("val_accuracy")) return "val_accuracy";
    if (row.containsKey("accuracy")) return "accuracy";
    for (String k : row.keySet()) if (k.contains("accuracy")) return k;
    return null;
  }

  static List<Map<String, Object>> wrongWay(List<Map<String, Object>> h) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (h.isEmpty()) return out;
    String acc = accuracyKey(h.get(0));
    if (acc == null) return out;
    for (int i = 1; i < h.size(); i++) {
      Double l0 = num(h.get(i - 1).get("val_loss"));
      Double l1 = num(h.get(i).get("val_loss"));
      Double a0 = num(h.get(i - 1).get(acc));
      Double a1 = num(h.get(i).get(acc));
      if (l0 == null || l1 == null || a0 == null || a1 == null) continue;
      String epoch = text(h.get(i).get("epoch"));
      String move = "validation loss " + (l1 > l0 ? "rose" : "fell") + " (" + Fmt.num(l0) + " → " + Fmt.num(l1) + ") while "
          + acc + " " + (a1 > a0 ? "also rose" : "also fell") + " (" + Fmt.num(a0) + " → " + Fmt.num(a1) + ")";
      String why;
      if (l1 > l0 && a1 > a0) {
        why = ": more examples landed on the right side of the threshold, but the ones still wrong became more "
            + "confidently wrong, and the loss punishes confidence.";
      } else if (l1 < l0 && a1 < a0) {
        why = ": the probabilities moved closer to the labels on average, yet a few more examples crossed to "
            + "the wrong side of the threshold.";
      } else {
        continue;
      }
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("epoch", epoch);
      n.put("x", num(h.get(i).get("epoch")));
      n.put("text", "Epoch " + epoch + ": " + move + why);
      out.add(n);
    }
    return out;
  }

  private static Chart losses(List<Map<String, Object>> h, Double best, List<Map<String, Object>> notes) {
    XYSeriesCollection d = new XYSeriesCollection();
    d.addSeries(series("train loss", h, "train_loss"));
    d.addSeries(series("validation loss", h, "val_loss"));
    JFreeChart c = line(d, "loss");
    XYPlot p = c.getXYPlot();
    for (Map<String, Object> n : notes) {
      if (num(n.get("x")) == null) continue;
      ValueMarker m = new ValueMarker(num(n.get("x")), Chart.ORANGE, Chart.dashed(1f));
      m.setLabel("epoch " + n.get("epoch"));
      m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
      m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
      p.addDomainMarker(m);
    }
    if (best != null) {
      ValueMarker m = new ValueMarker(best, Chart.GREEN, Chart.line(2f));
      m.setLabel("best epoch " + Fmt.num(best));
      m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      p.addDomainMarker(m);
    }
    return Chart.of("Loss by epoch", c, "Green: the best epoch (lowest validation loss)."
        + (notes.isEmpty() ? "" : " Orange: epochs where loss and accuracy moved the wrong way together (see below)."));
  }

  private static Chart metrics(List<Map<String, Object>> h) {
    XYSeriesCollection d = new XYSeriesCollection();
    for (String k : h.get(0).keySet()) {
      if (NOT_METRICS.contains(k) || num(h.get(0).get(k)) == null) continue;
      d.addSeries(series(k, h, k));
    }
    if (d.getSeriesCount() == 0) return null;
    return Chart.of("Validation metrics by epoch", line(d, "value"), "Every validation metric, computed in the same pass as the validation loss.");
  }

  private static XYSeries series(String name, List<Map<String, Object>> h, String key) {
    XYSeries s = new XYSeries(name);
    for (Map<String, Object> row : h) {
      Double x = num(row.get("epoch"));
      Double y = num(row.get(key));
      if (x != null && y != null && Double.isFinite(y)) s.add(x, y);
    }
    return s;
  }

  private static JFreeChart line(XYSeriesCollection d, String y) {
    JFreeChart c = Chart.themed(ChartFactory.createXYLineChart(null, "epoch", y, d, PlotOrientation.VERTICAL, true, false, false));
    XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) c.getXYPlot().getRenderer();
    java.awt.Color[] colors = {Chart.BLUE, Chart.ORANGE, Chart.GREEN, Chart.RED, Chart.GREY};
    for (int i = 0; i < d.getSeriesCount(); i++) {
      r.setSeriesPaint(i, colors[i % colors.length]);
      r.setSeriesStroke(i, Chart.line(2f));
      r.setSeriesShapesVisible(i, true);
    }
    ((org.jfree.chart.axis.NumberAxis) c.getXYPlot().getDomainAxis()).setStandardTickUnits(
        org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
    c.getXYPlot().getRangeAxis().setAutoRange(true);
    ((org.jfree.chart.axis.NumberAxis) c.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
    return c;
  }

  /** A number of a history row (history.json's columns vary with the metrics), or null. */
  private static Double num(Object o) {
    return o instanceof Number n ? n.doubleValue() : null;
  }

  private static String text(Object o) {
    return o == null ? null : String.valueOf(o);
  }
}
