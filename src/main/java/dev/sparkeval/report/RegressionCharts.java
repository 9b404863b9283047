package dev.sparkeval.report;

import dev.sparkeval.part.ResidualPlots;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/** Regression charts from the {@code residuals} block: residual histogram and predicted vs actual. */
final class RegressionCharts {
  private RegressionCharts() {}

  static List<Chart> of(ResidualPlots.Plots residuals) {
    List<Chart> out = new ArrayList<>();
    if (residuals == null) return out;
    ResidualPlots.Histogram h = residuals.histogram();
    if (h != null && !h.bins().isEmpty()) out.add(histogram(h));
    ResidualPlots.Grid g = residuals.grid();
    if (g != null && !g.cells().isEmpty()) out.add(grid(g));
    return out;
  }

  /** Rows of numbers as arrays. */
  static List<double[]> rows(List<List<Double>> rows) {
    List<double[]> out = new ArrayList<>();
    for (List<Double> r : rows) out.add(r.stream().mapToDouble(Double::doubleValue).toArray());
    return out;
  }

  static Chart histogram(ResidualPlots.Histogram h) {
    Rebin.Bins b = Rebin.bins(rows(h.bins()), h.width(), 60);
    XYIntervalSeries s = new XYIntervalSeries("weight");
    double total = b.outside();
    for (int i = 0; i < b.weight().length; i++) {
      double lo = b.lo() + i * b.width();
      s.add(lo + b.width() / 2, lo, lo + b.width(), b.weight()[i], 0, b.weight()[i]);
      total += b.weight()[i];
    }
    XYIntervalSeriesCollection d = new XYIntervalSeriesCollection();
    d.addSeries(s);
    JFreeChart c = Chart.themed(ChartFactory.createXYBarChart(null, "residual (prediction - label)", false,
        "weight (rows)", d, PlotOrientation.VERTICAL, false, false, false));
    XYPlot p = c.getXYPlot();
    ((XYBarRenderer) p.getRenderer()).setSeriesPaint(0, Chart.BLUE);
    ((XYBarRenderer) p.getRenderer()).setDrawBarOutline(false);
    ValueMarker zero = new ValueMarker(0, Chart.RED, Chart.dashed(1.2f));
    p.addDomainMarker(zero);
    String caption = "Bars " + Fmt.num(b.width()) + " wide; the central 99% of the weight is shown";
    if (b.outside() > 0) caption += " (" + Fmt.pct(b.outside() / total) + " of it lies outside the axis)";
    return Chart.of("Residuals", c, caption + ". Left of the red line the model predicts too low, right of it too high.");
  }

  static Chart grid(ResidualPlots.Grid g) {
    List<double[]> cells = rows(g.cells());
    double width = g.width();
    List<double[]> xs = new ArrayList<>();
    List<double[]> ys = new ArrayList<>();
    for (double[] c : cells) {
      xs.add(new double[] {c[0], c[2]});
      ys.add(new double[] {c[1], c[2]});
    }
    double[] rx = Rebin.range(xs, width);
    double[] ry = Rebin.range(ys, width);
    double lo = Math.min(rx[0], ry[0]);
    double hi = Math.max(rx[1], ry[1]);
    double w = Rebin.displayWidth(lo, hi, width, 50);
    lo = Math.floor(lo / w) * w;
    int n = Math.max(1, (int) Math.ceil((hi - lo) / w));
    double[][] sum = new double[n][n];
    double max = 0;
    for (double[] c : cells) {
      int i = (int) Math.floor((c[0] - lo) / w);
      int j = (int) Math.floor((c[1] - lo) / w);
      if (i < 0 || j < 0 || i >= n || j >= n) continue;
      sum[i][j] += c[2];
      max = Math.max(max, sum[i][j]);
    }
    List<double[]> filled = new ArrayList<>();
    for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (sum[i][j] > 0) filled.add(new double[] {i, j, sum[i][j]});
    double[][] xyz = new double[3][filled.size()];
    for (int k = 0; k < filled.size(); k++) {
      xyz[0][k] = lo + filled.get(k)[0] * w;
      xyz[1][k] = lo + filled.get(k)[1] * w;
      xyz[2][k] = Math.log1p(filled.get(k)[2]);
    }
    DefaultXYZDataset d = new DefaultXYZDataset();
    d.addSeries("weight", xyz);
    XYBlockRenderer r = new XYBlockRenderer();
    r.setBlockWidth(w);
    r.setBlockHeight(w);
    r.setBlockAnchor(RectangleAnchor.BOTTOM_LEFT);
    r.setPaintScale(Chart.blues(Math.log1p(max)));
    NumberAxis x = new NumberAxis("prediction");
    NumberAxis y = new NumberAxis("label (actual)");
    x.setRange(lo, lo + n * w);
    y.setRange(lo, lo + n * w);
    XYPlot p = new XYPlot(d, x, y, r);
    JFreeChart c = Chart.themed(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, p, false));
    p.addAnnotation(new XYLineAnnotation(lo, lo, lo + n * w, lo + n * w, Chart.dashed(1.2f), Chart.RED));
    return Chart.of("Predicted vs actual", c, "Cells " + Fmt.num(w) + " wide, darker = more weight (log scale). "
        + "Points on the red diagonal are predicted exactly; below it the model predicts too high.");
  }
}
