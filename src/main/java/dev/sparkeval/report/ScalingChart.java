package dev.sparkeval.report;

import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** The bench's scaling plot: seconds against rows for the fused suite and the bare scan, with the fitted line. */
public final class ScalingChart {
  private ScalingChart() {}

  /** points: rows, suite seconds, scan seconds; fit: the suite's slope (s per million rows) and intercept. */
  public static String svg(List<double[]> points, Map<String, Object> fit) {
    XYSeries suite = new XYSeries("fused suite");
    XYSeries scan = new XYSeries("bare scan");
    XYSeries line = new XYSeries("linear fit");
    double slope = ((Number) fit.get("seconds_per_million_rows")).doubleValue();
    double intercept = ((Number) fit.get("intercept_s")).doubleValue();
    for (double[] p : points) {
      suite.add(p[0] / 1e6, p[1]);
      scan.add(p[0] / 1e6, p[2]);
      line.add(p[0] / 1e6, intercept + slope * p[0] / 1e6);
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(suite);
    data.addSeries(scan);
    data.addSeries(line);
    JFreeChart chart = Chart.themed(ChartFactory.createXYLineChart("sparkeval bench: cost against rows",
        "rows (millions)", "seconds (median)", data, PlotOrientation.VERTICAL, true, false, false));
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    r.setSeriesPaint(0, Chart.BLUE);
    r.setSeriesPaint(1, Chart.GREY);
    r.setSeriesPaint(2, Chart.ORANGE);
    r.setSeriesStroke(2, Chart.dashed(1.5f));
    r.setSeriesShapesVisible(2, false);
    plot.setRenderer(r);
    SVGGraphics2D g = new SVGGraphics2D(Chart.WIDTH, Chart.HEIGHT);
    chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, Chart.WIDTH, Chart.HEIGHT));
    return g.getSVGDocument();
  }
}
