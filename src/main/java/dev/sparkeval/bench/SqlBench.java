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
  private final ExecutorCpu cpu;
  private String chartSvg;

  public SqlBench(SparkSession spark, int partitions, int reps, Path work, PrintStream out) {
    this.spark = spark;
    dev.sparkeval.spark.sql.SqlFunctions.register(spark);
    this.partitions = partitions;
    this.reps = reps;
    this.work = work;
    this.out = out;
    this.cpu = new ExecutorCpu(spark.sparkContext());
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
    List<String> keys = new ArrayList<>(List.of("scan"));
    List<Runnable> jobs = new ArrayList<>(List.of(() -> spark.sql(SqlQueries.SCAN).collect()));
    Map<String, Row[]> sql = new LinkedHashMap<>();
    Map<String, Evaluation.Result> ours = new LinkedHashMap<>();
    Map<String, String> texts = SqlQueries.all();
    Map<String, Evaluation.Settings> settings = Map.of("regression", SqlQueries.regression(),
        "binary", SqlQueries.binary(), "sliced", SqlQueries.sliced());
    for (String suite : SUITES) {
      keys.add(suite + "_sql");
      jobs.add(() -> sql.put(suite, (Row[]) spark.sql(texts.get(suite)).collect()));
      keys.add(suite + "_sparkeval");
      jobs.add(() -> ours.put(suite, Evaluation.run(t, settings.get(suite))));
    }
    Map<String, Row> functions = new LinkedHashMap<>();
    keys.add("functions_sparkeval"); // the regression suite as sparkeval's SQL functions, against regression_sql
    jobs.add(() -> functions.put("row", ((Row[]) spark.sql(SqlQueries.FUNCTIONS).collect())[0]));
    Stopwatch.Timing[] timings = Stopwatch.interleaved(2, reps, cpu, jobs.toArray(new Runnable[0]));
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Stopwatch.Timing> byKey = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      Stopwatch.Timing tm = timings[i];
      byKey.put(keys.get(i), tm);
      m.put(keys.get(i) + "_s", tm.median());
      m.put(keys.get(i) + "_runs", tm.runs());
      m.put(keys.get(i) + "_cpu_s", tm.cpuMedian());
      m.put(keys.get(i) + "_cpu_runs", tm.cpuRuns());
      out.printf("  %-8s %-22s %9.4f s  cpu %9.4f s  (medians of %d)%n", name, keys.get(i), tm.median(), tm.cpuMedian(), reps);
    }
    Map<String, Double> ratios = new LinkedHashMap<>();
    for (String suite : SUITES) ratio(ratios, suite + "_sparkeval_over_sql", byKey.get(suite + "_sparkeval"), byKey.get(suite + "_sql"));
    ratio(ratios, "regression_sparkeval_over_scan", byKey.get("regression_sparkeval"), byKey.get("scan"));
    ratio(ratios, "regression_sql_over_scan", byKey.get("regression_sql"), byKey.get("scan"));
    ratio(ratios, "functions_sparkeval_over_sql", byKey.get("functions_sparkeval"), byKey.get("regression_sql"));
    ratios.forEach((k, v) -> out.printf("  %-8s %-40s %7.2f%n", name, k, v));
    m.put("ratios", ratios);
    m.put("values", SqlValues.compare(sql, ours));
    m.put("functions_equal_evaluate", SqlValues.sameBits(functions.get("row"), ours.get("regression")));
    return m;
  }

  /** The scaling plot of the cached series (after {@link #scaling}). */
  public String chart() {
    return chartSvg;
  }

  /** a / b by wall time, and as {@code name_cpu} by executor CPU time. */
  private static void ratio(Map<String, Double> ratios, String name, Stopwatch.Timing a, Stopwatch.Timing b) {
    ratios.put(name, a.median() / b.median());
    ratios.put(name + "_cpu", a.cpuMedian() / b.cpuMedian());
  }

  /**
   * Each suite against a bare scan of the columns it reads, at several sizes, cached and on
   * parquet: the binary fused suite against sum(y + probability), the regression suite against
   * sum(label + prediction). Reports the per-row slope (least squares) of each and their ratios,
   * and the same for the hand-written regression and binary SELECTs (SqlQueries) as a reference.
   */
  public Map<String, Object> scaling(List<Long> sizes, int bins) {
    out.println("scaling (each suite against a bare scan of the columns it reads)");
    Map<String, List<Scaling.Point>> wall = new LinkedHashMap<>(), cpus = new LinkedHashMap<>();
    List<Object> table = new ArrayList<>();
    List<double[]> chart = new ArrayList<>();
    Map<String, Evaluation.Settings> suites = Map.of("fused", SqlQueries.fusedSuite(bins), "regression", SqlQueries.regression());
    // The hand-written SELECTs ride along as a reference: what Spark's own generated code costs per row against the same scans.
    List<String> names = List.of("binary_scan", "fused", "scan", "regression", "regression_sql", "binary_sql");
    for (long n : sizes) {
      String path = parquet(n);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("rows", n);
      Dataset<Row> c = null;
      for (String source : List.of("parquet", "cached")) { // parquet first: once cached, a read of the path finds the cache
        Dataset<Row> t = source.equals("cached") ? (c = cached(path)) : spark.read().parquet(path);
        t.createOrReplaceTempView("t");
        Stopwatch.Timing[] tm = Stopwatch.interleaved(2, reps, cpu, () -> spark.sql(SqlQueries.BINARY_SCAN).collect(),
            () -> Evaluation.run(t, suites.get("fused")), () -> spark.sql(SqlQueries.SCAN).collect(),
            () -> Evaluation.run(t, suites.get("regression")), () -> spark.sql(SqlQueries.REGRESSION).collect(),
            () -> spark.sql(SqlQueries.BINARY).collect());
        for (int j = 0; j < names.size(); j++) {
          String key = source + "_" + names.get(j);
          row.put(key + "_s", tm[j].median());
          row.put(key + "_cpu_s", tm[j].cpuMedian());
          wall.computeIfAbsent(key, k -> new ArrayList<>()).add(new Scaling.Point(n, tm[j].median()));
          cpus.computeIfAbsent(key, k -> new ArrayList<>()).add(new Scaling.Point(n, tm[j].cpuMedian()));
        }
        out.printf("  %,12d rows %-8s binary scan %7.3f  fused %7.3f  scan %7.3f  regression %7.3f  (SQL: regression %7.3f  binary %7.3f) s%n",
            n, source, tm[0].median(), tm[1].median(), tm[2].median(), tm[3].median(), tm[4].median(), tm[5].median());
        if (source.equals("cached")) chart.add(new double[] {n, tm[1].median(), tm[0].median()});
      }
      c.unpersist(true);
      table.add(row);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sizes", table);
    Map<String, Object> fits = new LinkedHashMap<>(), cpuFits = new LinkedHashMap<>();
    wall.forEach((k, v) -> fits.put(k, Scaling.fit(v)));
    cpus.forEach((k, v) -> cpuFits.put(k, Scaling.fit(v)));
    m.put("fits", fits);
    m.put("cpu_fits", cpuFits);
    Map<String, Double> ratios = new LinkedHashMap<>();
    for (String source : List.of("cached", "parquet")) {
      for (String[] pair : new String[][] {{"fused", "binary_scan"}, {"regression", "scan"}, {"regression_sql", "scan"}, {"binary_sql", "binary_scan"}}) {
        String name = source + "_" + pair[0] + "_slope_over_scan_slope";
        ratios.put(name, slope(fits, source + "_" + pair[0]) / slope(fits, source + "_" + pair[1]));
        ratios.put(name + "_cpu", slope(cpuFits, source + "_" + pair[0]) / slope(cpuFits, source + "_" + pair[1]));
        out.printf("  %-52s %6.2f (cpu %6.2f)%n", name, ratios.get(name), ratios.get(name + "_cpu"));
      }
    }
    m.put("slope_ratios", ratios);
    chartSvg = dev.sparkeval.report.ScalingChart.svg(chart, Scaling.fit(wall.get("cached_fused")));
    return m;
  }

  private static double slope(Map<String, Object> fits, String key) {
    @SuppressWarnings("unchecked")
    Map<String, Object> f = (Map<String, Object>) fits.get(key);
    return (double) f.get("seconds_per_million_rows");
  }
}
