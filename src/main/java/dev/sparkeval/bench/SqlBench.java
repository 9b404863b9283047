package dev.sparkeval.bench;

import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.spark.gen.Synthetic;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * sparkeval against the SELECT a Spark user writes by hand ({@link SqlQueries}), on the same
 * table in memory (Spark's cache) and as parquet on disk. Each source's queries are timed in
 * turn (scan, then each SQL query and its sparkeval twin) after warm-ups, so that a slow moment
 * of a shared machine slows every figure of the round.
 */
public final class SqlBench {
  static final String[] SUITES = {"regression", "binary", "sliced"};
  private final SparkSession spark;
  private final int partitions;
  private final int reps;
  private final Path work;
  private final PrintStream out;
  private String chart;

  public SqlBench(SparkSession spark, int partitions, int reps, Path work, PrintStream out) {
    this.spark = spark;
    this.partitions = partitions;
    this.reps = reps;
    this.work = work;
    this.out = out;
  }

  /** The user table written as parquet (generated once, so both sources hold the same values). */
  String parquet(long rows) {
    String path = work.resolve("user-" + rows + ".parquet").toString();
    Synthetic.userTable(spark, rows, partitions, 21).write().mode("overwrite").parquet(path);
    return path;
  }

  Dataset<Row> cached(String path) {
    Dataset<Row> t = spark.read().parquet(path).cache();
    t.count();
    return t;
  }

  /**
   * Every suite both ways on the cached table and on parquet: medians, single runs, values and
   * ratios. The cache is dropped before the parquet round (Spark would read a cached path from the cache).
   */
  public Map<String, Object> run(long rows) {
    out.println("hand-written SQL (" + rows + " rows)");
    String path = parquet(rows);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", rows);
    m.put("queries", SqlQueries.all());
    Dataset<Row> c = cached(path);
    m.put("cached", source("cached", c));
    c.unpersist(true);
    m.put("parquet", source("parquet", spark.read().parquet(path)));
    return m;
  }

  private Map<String, Object> source(String name, Dataset<Row> t) {
    t.createOrReplaceTempView("t");
    List<String> keys = new ArrayList<>(List.of("scan_s"));
    List<Runnable> jobs = new ArrayList<>(List.of(() -> spark.sql(SqlQueries.SCAN).collect()));
    Map<String, Row[]> sql = new LinkedHashMap<>();
    Map<String, Evaluation.Result> ours = new LinkedHashMap<>();
    Map<String, String> texts = SqlQueries.all();
    Map<String, Evaluation.Settings> settings = Map.of("regression", SqlQueries.regression(),
        "binary", SqlQueries.binary(), "sliced", SqlQueries.sliced());
    for (String suite : SUITES) {
      keys.add(suite + "_sql_s");
      jobs.add(() -> sql.put(suite, (Row[]) spark.sql(texts.get(suite)).collect()));
      keys.add(suite + "_sparkeval_s");
      jobs.add(() -> ours.put(suite, Evaluation.run(t, settings.get(suite))));
    }
    Stopwatch.Timing[] timings = Stopwatch.interleaved(2, reps, jobs.toArray(new Runnable[0]));
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      m.put(keys.get(i), timings[i].median());
      m.put(keys.get(i).replaceAll("_s$", "_runs"), timings[i].runs());
      out.printf("  %-8s %-22s %9.4f s  (median of %d)%n", name, keys.get(i), timings[i].median(), reps);
    }
    Map<String, Double> ratios = new LinkedHashMap<>();
    for (String suite : SUITES) {
      ratios.put(suite + "_sparkeval_over_sql", timings[keys.indexOf(suite + "_sparkeval_s")].median()
          / timings[keys.indexOf(suite + "_sql_s")].median());
    }
    ratios.put("regression_sparkeval_over_scan", timings[keys.indexOf("regression_sparkeval_s")].median() / timings[0].median());
    ratios.put("regression_sql_over_scan", timings[keys.indexOf("regression_sql_s")].median() / timings[0].median());
    ratios.forEach((k, v) -> out.printf("  %-8s %-32s %7.2f%n", name, k, v));
    m.put("ratios", ratios);
    m.put("values", SqlValues.compare(sql, ours));
    return m;
  }

  /** The scaling plot of the cached series (after {@link #scaling}). */
  public String chart() {
    return chart;
  }

  /**
   * The binary fused suite against a bare scan of the same two columns at several sizes, cached
   * and on parquet: the per-row slope of each (least squares) and their ratio.
   */
  public Map<String, Object> scaling(List<Long> sizes, int bins) {
    out.println("scaling (binary fused suite against a scan of y and probability)");
    Map<String, List<Scaling.Point>> points = new LinkedHashMap<>();
    List<Object> table = new ArrayList<>();
    List<double[]> cachedPoints = new ArrayList<>();
    Evaluation.Settings fused = SqlQueries.fusedSuite(bins);
    for (long n : sizes) {
      String path = parquet(n);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("rows", n);
      Dataset<Row> c = null;
      for (String name : List.of("parquet", "cached")) { // parquet first: once cached, a read of the path finds the cache
        Dataset<Row> t = name.equals("cached") ? (c = cached(path)) : spark.read().parquet(path);
        t.createOrReplaceTempView("t");
        Stopwatch.Timing[] tm = Stopwatch.interleaved(2, reps, () -> spark.sql(SqlQueries.BINARY_SCAN).collect(),
            () -> Evaluation.run(t, fused));
        row.put(name + "_scan_s", tm[0].median());
        row.put(name + "_suite_s", tm[1].median());
        points.computeIfAbsent(name + "_scan", k -> new ArrayList<>()).add(new Scaling.Point(n, tm[0].median()));
        points.computeIfAbsent(name + "_suite", k -> new ArrayList<>()).add(new Scaling.Point(n, tm[1].median()));
        out.printf("  %,12d rows %-8s scan %8.4f s  suite %8.4f s%n", n, name, tm[0].median(), tm[1].median());
      }
      c.unpersist(true);
      table.add(row);
      cachedPoints.add(new double[] {n, (double) row.get("cached_suite_s"), (double) row.get("cached_scan_s")});
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sizes", table);
    Map<String, Object> fits = new LinkedHashMap<>();
    points.forEach((k, v) -> fits.put(k, Scaling.fit(v)));
    m.put("fits", fits);
    Map<String, Double> ratios = new LinkedHashMap<>();
    for (String name : List.of("cached", "parquet")) {
      double suite = (double) Scaling.fit(points.get(name + "_suite")).get("seconds_per_million_rows");
      double scan = (double) Scaling.fit(points.get(name + "_scan")).get("seconds_per_million_rows");
      ratios.put(name + "_suite_slope_over_scan_slope", suite / scan);
      out.printf("  %-8s slope: suite %.4f s, scan %.4f s per million rows, ratio %.2f%n", name, suite, scan, suite / scan);
    }
    m.put("slope_ratios", ratios);
    chart = dev.sparkeval.report.ScalingChart.svg(cachedPoints, Scaling.fit(points.get("cached_suite")));
    return m;
  }
}
