package dev.sparkeval.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** A chart drawn by JFreeChart into inline SVG by JFreeSVG (which escapes every text it draws). */
public record Chart(String title, String svg, String caption) {
  static final int WIDTH = 520;
  static final int HEIGHT = 340;
  static final Color BLUE = new Color(31, 119, 180);
  static final Color ORANGE = new Color(255, 127, 14);
  static final Color GREEN = new Color(44, 160, 44);
  static final Color RED = new Color(214, 39, 40);
  static final Color GREY = new Color(120, 120, 120);
  /** Chart ids count within one page (see {@link #newPage}), so a report renders to the same bytes in any JVM. */
  private static final ThreadLocal<int[]> IDS = ThreadLocal.withInitial(() -> new int[1]);
  private static final StandardChartTheme THEME = theme();

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static StandardChartTheme theme() {
    StandardChartTheme t = new StandardChartTheme("sparkeval");
    t.setExtraLargeFont(new Font("SansSerif", Font.BOLD, 15));
    t.setLargeFont(new Font("SansSerif", Font.BOLD, 13));
    t.setRegularFont(new Font("SansSerif", Font.PLAIN, 11));
    t.setSmallFont(new Font("SansSerif", Font.PLAIN, 10));
    t.setChartBackgroundPaint(Color.WHITE);
    t.setPlotBackgroundPaint(Color.WHITE);
    t.setDomainGridlinePaint(new Color(225, 225, 225));
    t.setRangeGridlinePaint(new Color(225, 225, 225));
    t.setShadowVisible(false);
    t.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    t.setXYBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
    return t;
  }

  /** Applies the report's look; call before setting series colours. */
  static JFreeChart themed(JFreeChart chart) {
    THEME.apply(chart);
    return chart;
  }

  /** Draws the chart as an SVG element that CSS scales (viewBox, no fixed size). */
  /** Starts the ids of a new page at chart1. */
  static void newPage() {
    IDS.get()[0] = 0;
  }

  static Chart of(String title, JFreeChart chart, String caption) {
    chart.setTitle((String) null);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    if (chart.getPlot() instanceof XYPlot p) p.setOutlineVisible(false);
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    String id = "chart" + ++IDS.get()[0];
    g.setDefsKeyPrefix(id + "-");
    chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
    String svg = g.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    return new Chart(title, svg, caption);
  }

  static BasicStroke line(float width) {
    return new BasicStroke(width);
  }

  static BasicStroke dashed(float width) {
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f);
  }

  /** White to blue on [0, upper], for heatmaps. */
  static PaintScale blues(double upper) {
    return new PaintScale() {
      @Override public double getLowerBound() { return 0; }

      @Override public double getUpperBound() { return upper; }

      @Override public Paint getPaint(double v) {
        double f = upper <= 0 ? 0 : Math.max(0, Math.min(1, v / upper));
        return blend(f);
      }
    };
  }

  static Color blend(double f) {
    return new Color((int) Math.round(247 - f * (247 - 8)), (int) Math.round(251 - f * (251 - 69)),
        (int) Math.round(255 - f * (255 - 148)));
  }
}
