package dev.sparkeval.report;

import dev.sparkeval.drift.Drift;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/** The drift section of report.html: a table overall and per slice, and each column's two histograms overlaid. */
final class DriftView {
  private DriftView() {}

  static Map<String, Object> of(Report r) {
    if (r.drift() == null || r.drift().isEmpty()) return null;
    Map<String, Object> v = new LinkedHashMap<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    r.drift().forEach((col, d) -> rows.add(row(null, col, d)));
    v.put("rows", rows);
    List<Map<String, Object>> sliced = new ArrayList<>();
    if (r.slices() != null) {
      for (Report.Slice s : r.slices()) {
        if (s.drift() == null || Boolean.TRUE.equals(s.belowMinRows())) continue;
        s.drift().forEach((col, d) -> sliced.add(row(SliceView.label(s.slice()), col, d)));
      }
    }
    v.put("slices", sliced);
    List<Chart> charts = new ArrayList<>();
    r.drift().forEach((col, d) -> {
      if (d.histogram() != null) charts.add(histograms(col, d));
    });
    v.put("charts", charts);
    return v;
  }

  private static Map<String, Object> row(String slice, String column, Drift d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("slice", slice);
    m.put("column", column);
    m.put("ks", Fmt.num(d.ks()));
    m.put("wasserstein", Fmt.num(d.wasserstein()));
    m.put("psi", Fmt.num(d.psi()));
    m.put("js", Fmt.num(d.js()));
    m.put("rows", d.rows() == null ? "—" : Fmt.count(d.rows().current()) + " / " + Fmt.count(d.rows().reference()));
    m.put("missing", d.missing() == null ? "—" : Fmt.count(d.missing().current()) + " / " + Fmt.count(d.missing().reference()));
    m.put("why", d.undefined());
    m.put("shifted", d.psi() != null && d.psi() > 0.2);
    return m;
  }

  /** Reference and current shares on the same equal-width bins, drawn over each other, with the reference's deciles. */
  private static Chart histograms(String column, Drift d) {
    Drift.Histogram h = d.histogram();
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    data.addSeries(series("reference", h.edges(), h.reference()));
    data.addSeries(series("current", h.edges(), h.current()));
    JFreeChart c = Chart.themed(ChartFactory.createXYBarChart(null, column, false, "share of the table's weight", data,
        PlotOrientation.VERTICAL, true, false, false));
    XYBarRenderer r = (XYBarRenderer) c.getXYPlot().getRenderer();
    r.setSeriesPaint(0, new Color(120, 120, 120, 140));
    r.setSeriesPaint(1, new Color(31, 119, 180, 140));
    r.setDrawBarOutline(false);
    r.setShadowVisible(false);
    if (d.deciles() != null) {
      for (Double q : d.deciles()) {
        if (q == null) continue;
        ValueMarker m = new ValueMarker(q, Chart.GREY, Chart.dashed(0.8f));
        c.getXYPlot().addDomainMarker(m);
      }
    }
    return Chart.of("Drift of " + column + " — KS " + Fmt.num(d.ks()) + ", PSI " + Fmt.num(d.psi()), c,
        "Both tables on " + h.reference().size() + " equal-width bins; each sums to 1. Dashed lines: the reference's deciles, "
            + "the bins of PSI and JS.");
  }

  private static XYIntervalSeries series(String name, List<Double> edges, List<Double> shares) {
    XYIntervalSeries s = new XYIntervalSeries(name);
    for (int k = 0; k < shares.size(); k++) {
      double lo = edges.get(k), hi = edges.get(k + 1);
      double v = shares.get(k);
      s.add((lo + hi) / 2, lo, hi, v, 0, v);
    }
    return s;
  }
}
