package dev.sparkeval.report;

import dev.sparkeval.part.ScoreCurves;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Binary charts from the {@code curves} block: ROC and precision-recall curves (thresholds at the
 * histogram's bin edges), the reliability diagram and the score histogram per true class.
 */
final class BinaryCharts {
  private BinaryCharts() {}

  static List<Chart> of(ScoreCurves.Curves curves, Map<String, Double> metrics) {
    List<Chart> out = new ArrayList<>();
    if (curves == null) return out;
    double[] neg = curves.negative().stream().mapToDouble(Double::doubleValue).toArray();
    double[] pos = curves.positive().stream().mapToDouble(Double::doubleValue).toArray();
    Curves c = Curves.of(neg, pos);
    if (c != null) {
      out.add(roc(c, metric(metrics, "auc_roc")));
      out.add(pr(c, metric(metrics, "auc_pr")));
    }
    ScoreCurves.Calibration cal = curves.calibration();
    if (cal != null && cal.table() != null) out.add(reliability(cal, metrics));
    out.add(histogram(neg, pos));
    return out;
  }

  static Double metric(Map<String, Double> metrics, String name) {
    if (metrics == null) return null;
    for (Map.Entry<String, Double> e : metrics.entrySet()) {
      if (e.getKey().equals(name) || e.getKey().startsWith(name + ":")) return e.getValue();
    }
    return null;
  }

  private static Chart roc(Curves c, Double exact) {
    XYSeries s = new XYSeries("ROC", false);
    for (int k = 0; k < c.tpr().length; k++) s.add(c.fpr()[k], c.tpr()[k]);
    JFreeChart ch = line(s, "false positive rate", "true positive rate");
    ch.getXYPlot().addAnnotation(new XYLineAnnotation(0, 0, 1, 1, Chart.dashed(1f), Chart.GREY));
    String auc = exact != null ? "AUC " + Fmt.num(exact) + " (exact, from the metrics)" : "AUC " + Fmt.num(c.auc()) + " (binned)";
    return Chart.of("ROC curve — " + auc, ch, "Thresholds at every 0.005 of the score; the dashed line is a random ranking.");
  }

  private static Chart pr(Curves c, Double exact) {
    XYSeries s = new XYSeries("PR", false);
    for (int k = 0; k < c.tpr().length; k++) if (!Double.isNaN(c.precision()[k])) s.add(c.tpr()[k], c.precision()[k]);
    JFreeChart ch = line(s, "recall", "precision");
    ch.getXYPlot().addAnnotation(new XYLineAnnotation(0, c.baseRate(), 1, c.baseRate(), Chart.dashed(1f), Chart.GREY));
    String ap = exact != null ? "average precision " + Fmt.num(exact) + " (exact)" : "average precision " + Fmt.num(c.averagePrecision()) + " (binned)";
    return Chart.of("Precision-recall — " + ap, ch, "The dashed line is the positive rate, what a random ranking scores.");
  }

  private static Chart reliability(ScoreCurves.Calibration cal, Map<String, Double> metrics) {
    List<ScoreCurves.Bin> bins = cal.table();
    XYSeries s = new XYSeries("observed", false);
    boolean weighted = false;
    for (ScoreCurves.Bin b : bins) {
      s.add(b.meanScore(), b.positiveRate());
      weighted |= b.weight() != b.rows();
    }
    JFreeChart ch = line(s, "mean predicted probability", "observed positive rate");
    XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) ch.getXYPlot().getRenderer();
    r.setDefaultShapesVisible(true);
    boolean byWeight = weighted;
    // each point says how much it holds: a bin of 3 rows is no evidence either way
    r.setDefaultItemLabelGenerator((data, series, item) -> byWeight ? Fmt.num(bins.get(item).weight()) : Fmt.count(bins.get(item).rows()));
    r.setDefaultItemLabelFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 10));
    r.setDefaultItemLabelPaint(new java.awt.Color(60, 60, 60));
    r.setDefaultItemLabelsVisible(true);
    ((NumberAxis) ch.getXYPlot().getRangeAxis()).setRange(0, 1.08); // room for the labels of points at 1
    ch.getXYPlot().addAnnotation(new XYLineAnnotation(0, 0, 1, 1, Chart.dashed(1f), Chart.GREY));
    String same = sameEce(cal, metrics);
    String title = "Calibration — ECE " + Fmt.num(cal.ece()) + " over " + cal.bins() + " bins"
        + (same != null ? " (the metric " + same + ")" : "");
    return Chart.of(title, ch, "Each point is a bin of predicted probabilities: its mean against the observed positive rate,"
        + " labelled with the " + (weighted ? "weight" : "rows") + " it holds. Points on the diagonal are calibrated; below"
        + " it the model is over-confident in the positive class." + (same == null ? others(metrics) : ""));
  }

  /** The ece metric computed over the same bins as the table (its L1 form), or null. */
  static String sameEce(ScoreCurves.Calibration cal, Map<String, Double> metrics) {
    if (metrics == null) return null;
    for (String spec : metrics.keySet()) {
      if (!Better.name(spec).equals("ece")) continue;
      Map<String, String> p = dev.sparkeval.core.Spec.parse(spec).params();
      String bins = p.getOrDefault("bins", String.valueOf(ScoreCurves.DEFAULT_CALIBRATION_BINS)).trim();
      if (bins.equals(String.valueOf(cal.bins())) && p.getOrDefault("norm", "l1").equals("l1")) return spec;
    }
    return null;
  }

  private static String others(Map<String, Double> metrics) {
    if (metrics == null) return "";
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Double> e : metrics.entrySet()) {
      if (Better.name(e.getKey()).equals("ece")) b.append(" The metric ").append(e.getKey()).append(" is ").append(Fmt.num(e.getValue())).append('.');
    }
    return b.toString();
  }

  private static Chart histogram(double[] neg, double[] pos) {
    int per = 5;
    int n = neg.length / per;
    double tn = 0;
    double tp = 0;
    for (int i = 0; i < neg.length; i++) {
      tn += neg[i];
      tp += pos[i];
    }
    XYIntervalSeriesCollection d = new XYIntervalSeriesCollection();
    d.addSeries(series("true class 0", neg, tn, per, n));
    d.addSeries(series("true class 1", pos, tp, per, n));
    JFreeChart c = Chart.themed(ChartFactory.createXYBarChart(null, "predicted probability of class 1", false,
        "share of the class", d, PlotOrientation.VERTICAL, true, false, false));
    XYBarRenderer r = (XYBarRenderer) c.getXYPlot().getRenderer();
    r.setSeriesPaint(0, new java.awt.Color(31, 119, 180, 150));
    r.setSeriesPaint(1, new java.awt.Color(255, 127, 14, 150));
    r.setDrawBarOutline(false);
    ((NumberAxis) c.getXYPlot().getDomainAxis()).setRange(0, 1);
    return Chart.of("Scores by true class", c, "Each class sums to 1; the less the two overlap, the better the ranking.");
  }

  private static XYIntervalSeries series(String name, double[] w, double total, int per, int n) {
    XYIntervalSeries s = new XYIntervalSeries(name);
    for (int i = 0; i < n; i++) {
      double v = 0;
      for (int b = i * per; b < (i + 1) * per; b++) v += w[b];
      double share = total > 0 ? v / total : 0;
      double lo = (double) i / n;
      s.add(lo + 0.5 / n, lo, lo + 1.0 / n, share, 0, share);
    }
    return s;
  }

  private static JFreeChart line(XYSeries s, String x, String y) {
    JFreeChart c = Chart.themed(ChartFactory.createXYLineChart(null, x, y, new XYSeriesCollection(s),
        PlotOrientation.VERTICAL, false, false, false));
    XYPlot p = c.getXYPlot();
    p.getRenderer().setSeriesPaint(0, Chart.BLUE);
    p.getRenderer().setSeriesStroke(0, Chart.line(2f));
    ((NumberAxis) p.getDomainAxis()).setRange(0, 1);
    ((NumberAxis) p.getRangeAxis()).setRange(0, 1.02);
    return c;
  }
}
