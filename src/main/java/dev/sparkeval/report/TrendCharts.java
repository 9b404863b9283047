package dev.sparkeval.report;

import java.awt.Color;
import java.time.Instant;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** One series of a trend over run time: the value with its interval band, and the gates' bounds as lines. */
final class TrendCharts {
  private TrendCharts() {}

  static Chart of(Trend.Series s, List<Trend.Line> lines) {
    YIntervalSeries band = new YIntervalSeries(s.name());
    XYSeries min = new XYSeries("gate (at least)", false);
    XYSeries max = new XYSeries("gate (at most)", false);
    boolean intervals = false;
    for (Trend.Point p : s.points()) {
      double t = Instant.parse(p.runTime()).toEpochMilli();
      if (p.value() != null) {
        boolean iv = p.low() != null && p.high() != null;
        intervals |= iv;
        band.add(t, p.value(), iv ? p.low() : p.value(), iv ? p.high() : p.value());
      }
      if (p.gateMin() != null) min.add(t, p.gateMin());
      if (p.gateMax() != null) max.add(t, p.gateMax());
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(band);
    DateAxis time = new DateAxis("run time");
    NumberAxis value = new NumberAxis(s.name());
    value.setAutoRangeIncludesZero(false);
    DeviationRenderer r = new DeviationRenderer(true, true);
    r.setAlpha(0.2f);
    XYPlot plot = new XYPlot(data, time, value, r);
    XYSeriesCollection gates = new XYSeriesCollection();
    if (!min.isEmpty()) gates.addSeries(min);
    if (!max.isEmpty()) gates.addSeries(max);
    XYLineAndShapeRenderer g = new XYLineAndShapeRenderer(true, false);
    if (gates.getSeriesCount() > 0) {
      plot.setDataset(1, gates);
      plot.setRenderer(1, g);
    }
    JFreeChart c = Chart.themed(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, gates.getSeriesCount() > 0));
    // colours after the theme, which resets them
    r.setSeriesPaint(0, Chart.BLUE);
    r.setSeriesFillPaint(0, new Color(31, 119, 180));
    r.setSeriesStroke(0, Chart.line(2f));
    for (int i = 0; i < gates.getSeriesCount(); i++) {
      g.setSeriesPaint(i, Chart.RED);
      g.setSeriesStroke(i, Chart.dashed(1.5f));
    }
    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
    for (Trend.Line l : lines == null ? List.<Trend.Line>of() : lines) {
      if (!l.name().equals(s.name())) continue;
      plot.addRangeMarker(new ValueMarker(l.bound(), Chart.RED, Chart.dashed(1f)));
      lo = Math.min(lo, l.bound());
      hi = Math.max(hi, l.bound());
    }
    if (lo <= hi) { // the range must show the --gate lines too
      value.setAutoRangeIncludesZero(false);
      org.jfree.data.Range auto = value.getRange();
      double a = Math.min(auto.getLowerBound(), lo), b = Math.max(auto.getUpperBound(), hi);
      double pad = (b - a) * 0.05 + 1e-12;
      value.setRange(a - pad, b + pad);
    }
    String where = s.slice() == null ? "overall" : SliceView.label(sliceMap(s.slice()));
    String caption = s.points().size() + " runs" + (intervals ? "; the band is each run's 95% bootstrap interval" : "")
        + (gates.getSeriesCount() > 0 ? "; red dashes: the runs' gate bounds" : "")
        + (lines != null && lines.stream().anyMatch(l -> l.name().equals(s.name())) ? "; red line: the --gate bound" : "") + ".";
    return Chart.of(s.name() + " — " + where, c, caption);
  }

  /** The slice JSON as a map (shown as "segment = web"). */
  static java.util.Map<String, String> sliceMap(String json) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json,
          new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, String>>() {});
    } catch (java.io.IOException e) {
      return java.util.Map.of("slice", json);
    }
  }
}
