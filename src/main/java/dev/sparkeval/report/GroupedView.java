package dev.sparkeval.report;

import dev.sparkeval.part.ClusterFigures;
import dev.sparkeval.part.QueryCounts;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The ranking block (its counts and every metric at k = 1..K) and the clusters block, as the HTML report shows them. */
final class GroupedView {
  private static final Color[] PALETTE = {Chart.BLUE, Chart.ORANGE, Chart.GREEN, Chart.RED, new Color(148, 103, 189),
      new Color(140, 86, 75), new Color(227, 119, 194), Chart.GREY};

  private GroupedView() {}

  /** {counts: [{key, value}], chart: Chart or null}, or null without a ranking block. */
  static Map<String, Object> ranking(QueryCounts.Counts c) {
    if (c == null) return null;
    Map<String, Object> v = new LinkedHashMap<>();
    List<Map<String, Object>> counts = new ArrayList<>();
    counts.add(pair("layout", c.layout().equals("long") ? "one row per query and item (--query)" : "one row per query (MLlib's arrays)"));
    counts.add(pair("queries", Fmt.count(c.queries())));
    counts.add(pair("items ranked", Fmt.count(c.items())));
    counts.add(pair("queries without a relevant item", Fmt.count(c.queriesWithoutRelevant())));
    if (c.queriesAllRelevant() != null) counts.add(pair("queries whose every item is relevant", Fmt.count(c.queriesAllRelevant())));
    v.put("counts", counts);
    v.put("chart", c.atK() == null || c.atK().isEmpty() ? null : atK(c.atK()));
    return v;
  }

  private static Chart atK(Map<String, List<Double>> curves) {
    XYSeriesCollection d = new XYSeriesCollection();
    int kmax = 1;
    for (Map.Entry<String, List<Double>> e : curves.entrySet()) {
      XYSeries s = new XYSeries(e.getKey(), false);
      for (int i = 0; i < e.getValue().size(); i++) if (e.getValue().get(i) != null) s.add(i + 1, e.getValue().get(i));
      kmax = Math.max(kmax, e.getValue().size());
      d.addSeries(s);
    }
    JFreeChart c = Chart.themed(ChartFactory.createXYLineChart(null, "k (the cutoff: the first k ranked items)", "value",
        d, PlotOrientation.VERTICAL, true, false, false));
    XYPlot p = c.getXYPlot();
    XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) p.getRenderer();
    r.setDefaultShapesVisible(true);
    for (int i = 0; i < d.getSeriesCount(); i++) {
      r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      r.setSeriesStroke(i, Chart.line(2f));
    }
    NumberAxis x = (NumberAxis) p.getDomainAxis();
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    x.setRange(0.5, kmax + 0.5);
    ((NumberAxis) p.getRangeAxis()).setRange(0, 1.02);
    return Chart.of("Metrics at k = 1.." + kmax, c, "Each metric asked for with a cutoff, at every cutoff up to the largest"
        + " asked for; means over queries, as the headline values.");
  }

  /** {columns, rows: [{label, cells}], chart}, or null without a clusters block. */
  static Map<String, Object> clusters(List<ClusterFigures.Cluster> clusters) {
    if (clusters == null || clusters.isEmpty()) return null;
    List<String> specs = new ArrayList<>(clusters.get(0).silhouette().keySet());
    List<String> columns = new ArrayList<>(List.of("points", "weight"));
    columns.addAll(specs);
    List<Map<String, Object>> rows = new ArrayList<>();
    DefaultCategoryDataset bars = new DefaultCategoryDataset();
    for (ClusterFigures.Cluster c : clusters) {
      List<String> cells = new ArrayList<>(List.of(Fmt.count(c.points()), Fmt.num(c.weight())));
      for (String s : specs) {
        Double v = c.silhouette().get(s);
        cells.add(Fmt.num(v));
        if (v != null) bars.addValue(v, s, String.valueOf(c.cluster()));
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("label", String.valueOf(c.cluster()));
      row.put("cells", cells);
      rows.add(row);
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("columns", columns);
    v.put("rows", rows);
    v.put("chart", clusters.size() > 60 ? null : bars(bars));
    return v;
  }

  private static Chart bars(DefaultCategoryDataset d) {
    JFreeChart c = Chart.themed(ChartFactory.createBarChart(null, "cluster", "mean silhouette", d, PlotOrientation.VERTICAL,
        d.getRowCount() > 1, false, false));
    BarRenderer r = (BarRenderer) c.getCategoryPlot().getRenderer();
    for (int i = 0; i < d.getRowCount(); i++) r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    r.setDrawBarOutline(false);
    ((NumberAxis) c.getCategoryPlot().getRangeAxis()).setRange(-1, 1);
    return Chart.of("Silhouette by cluster", c, "The mean silhouette of each cluster's points: near 1 compact and apart from"
        + " the others, near 0 on a border, below 0 closer to another cluster.");
  }

  private static Map<String, Object> pair(String key, String value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("value", value);
    return m;
  }
}
