package dev.sparkeval.bench;

import dev.sparkeval.core.Task;
import dev.sparkeval.report.Report;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.spark.gen.Synthetic;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Times sparkeval against MLlib on the same cached tables in the same run: medians of several
 * repetitions after a warm-up. Each section adds its keys to the result (see CONTRACT.md).
 */
public final class Bench {
  private final SparkSession spark;
  private final long rows;
  private final int partitions;
  private final int reps;
  private final PrintStream out;
  private final Map<String, Object> result = new LinkedHashMap<>();
  private final ExecutorCpu cpu;

  public Bench(SparkSession spark, long rows, int partitions, int reps, PrintStream out) {
    this.spark = spark;
    this.rows = rows;
    this.partitions = partitions;
    this.reps = reps;
    this.out = out;
    result.put("rows", rows);
    result.put("partitions", partitions);
    result.put("master", spark.sparkContext().master());
    result.put("cores", spark.sparkContext().defaultParallelism());
    cpu = new ExecutorCpu(spark.sparkContext());
  }

  public Map<String, Object> result() {
    return result;
  }

  double time(String key, Runnable r) {
    return record(key, Stopwatch.interleaved(1, reps, cpu, r)[0]);
  }

  /** Two figures whose ratio matters, timed in turn after three warm-ups of each. */
  double[] pair(String keyA, Runnable a, String keyB, Runnable b) {
    Stopwatch.Timing[] t = Stopwatch.interleaved(3, reps, cpu, a, b);
    return new double[] {record(keyA, t[0]), record(keyB, t[1])};
  }

  /** The median wall time under key, the single runs, and the executors' CPU time (key_cpu_s). */
  private double record(String key, Stopwatch.Timing t) {
    String base = key.replaceAll("_s$", "");
    result.put(key, t.median());
    result.put(base + "_runs", t.runs());
    result.put(base + "_cpu_s", t.cpuMedian());
    out.printf("  %-22s %9.4f s  cpu %9.4f s  (medians of %d)%n", key, t.median(), t.cpuMedian(), reps);
    return t.median();
  }

  /** The binary table, cached, with the columns both sides need. */
  Dataset<Row> binaryTable() {
    Dataset<Row> t = Synthetic.predictions(spark, Task.BINARY, rows, partitions, 11, 0)
        .withColumn("score", org.apache.spark.sql.functions.col("probability"))
        .withColumn("prediction", org.apache.spark.sql.functions.when(
            org.apache.spark.sql.functions.col("probability").geq(0.5), 1.0).otherwise(0.0))
        .withColumn("probvec", functions.array_to_vector(org.apache.spark.sql.functions.array(
            org.apache.spark.sql.functions.lit(1.0).minus(org.apache.spark.sql.functions.col("probability")),
            org.apache.spark.sql.functions.col("probability"))))
        .repartition(partitions).cache();
    t.count();
    return t;
  }

  public void regression() {
    out.println("regression (" + rows + " rows)");
    Dataset<Row> t = Synthetic.predictions(spark, Task.REGRESSION, rows, partitions, 7, 0).repartition(partitions).cache();
    t.count();
    Evaluation.Settings s = settings(Task.REGRESSION, "prediction",
        List.of("mse", "rmse", "mae"), List.of("r2", "explained_variance"));
    pair("regression_scan_s", () -> t.agg(org.apache.spark.sql.functions.sum("label")).collect(),
        "regression_suite_s", () -> Evaluation.run(t, s));
    time("mllib_regression_suite_s", () -> MllibSide.regressionSuite(t));
    t.unpersist();
  }

  static Evaluation.Settings settings(Task task, String prediction, List<String> losses, List<String> metrics) {
    return Evaluation.settings().task(task).label("label").prediction(prediction)
        .loss(losses.toArray(String[]::new)).metric(metrics.toArray(String[]::new)).build();
  }

  /** The binary suite both ways, exact AUC both ways, and a bare scan of the same cached table. */
  public void binary(int bins) {
    out.println("binary (" + rows + " rows)");
    Dataset<Row> t = binaryTable();
    Evaluation.Settings fused = fusedSuite(bins);
    Evaluation.Result[] last = new Evaluation.Result[1];
    pair("scan_s", () -> t.agg(org.apache.spark.sql.functions.sum("probability")).collect(),
        "fused_suite_s", () -> last[0] = Evaluation.run(t, fused));
    Report report = Report.evaluation(last[0], "bench", 0, List.of(), 0);
    result.put("fused_suite_values", report.metrics());
    result.put("fused_suite_error_bounds", report.errorBounds());
    time("mllib_suite_s", () -> MllibSide.binarySuite(t));
    Evaluation.Settings exact = settings(Task.BINARY, "probability", List.of(), List.of("auc_roc"));
    double[] theirs = new double[1];
    pair("exact_auc_s", () -> last[0] = Evaluation.run(t, exact), "mllib_auc_s", () -> theirs[0] = MllibSide.auc(t, "areaUnderROC"));
    double ours = last[0].overall().metrics().get("auc_roc").value();
    result.put("exact_auc", ours);
    result.put("mllib_auc", theirs[0]);
    t.unpersist();
  }

  static Evaluation.Settings fusedSuite(int bins) {
    return settings(Task.BINARY, "probability", List.of("bce", "focal"),
        List.of("accuracy", "precision", "recall", "f1", "mcc", "auc_roc:bins=" + bins, "auc_pr:bins=" + bins,
            "log_loss", "brier"));
  }

  /**
   * Ranking, queries x items: sparkeval's long layout (one call, its own shuffle by query) against
   * MLlib's groupBy/collect_list and one RankingEvaluator call per metric; then both on the same
   * cached arrays (MLlib's layout). The grades are 0/1 and the scores distinct, so both sides
   * compute the same numbers, recorded beside the times.
   */
  public void ranking(long queries, int items) {
    out.println("ranking (" + queries + " queries x " + items + " items)");
    Dataset<Row> t = Synthetic.rankingTable(spark, queries, items, partitions, 13, true).repartition(partitions).cache();
    t.count();
    List<String> specs = java.util.Arrays.stream(RankingSide.METRICS).map(m -> m[2]).toList();
    Evaluation.Settings lng = Evaluation.settings().task(Task.RANKING).query("query").prediction("score").label("grade")
        .metric(specs.toArray(String[]::new)).build();
    Evaluation.Result[] ours = new Evaluation.Result[2];
    List<Map<String, Double>> theirs = new java.util.ArrayList<>(List.of(Map.of(), Map.of()));
    result.put("ranking_queries", queries);
    result.put("ranking_items", items);
    twice("ranking_long_s", () -> ours[0] = Evaluation.run(t, lng),
        "mllib_ranking_long_s", () -> theirs.set(0, RankingSide.fromLong(t)));
    Dataset<Row> a = RankingSide.arrays(t).cache();
    a.count();
    t.unpersist();
    Evaluation.Settings arr = Evaluation.settings().task(Task.RANKING).metric(specs.toArray(String[]::new)).build();
    twice("ranking_arrays_s", () -> ours[1] = Evaluation.run(a, arr),
        "mllib_ranking_arrays_s", () -> theirs.set(1, RankingSide.evaluate(a)));
    a.unpersist();
    result.put("ranking_long_values", ours[0].values());
    result.put("ranking_arrays_values", ours[1].values());
    result.put("mllib_ranking_values", theirs.get(1));
  }

  /** Two long-running figures timed in turn after one warm-up each (a ranking run takes many seconds). */
  private void twice(String keyA, Runnable a, String keyB, Runnable b) {
    Stopwatch.Timing[] t = Stopwatch.interleaved(1, reps, cpu, a, b);
    record(keyA, t[0]);
    record(keyB, t[1]);
  }

  /** One mini-batch step both ways: sparkeval's (batch = fraction of the rows) and MLlib's runMiniBatchSGD. */
  public void iteration(int features, double fraction) {
    out.println("mini-batch step, logistic, " + features + " features, batch fraction " + fraction);
    Dataset<Row> t = Synthetic.trainingSet(spark, rows, features, partitions, 5).cache();
    t.count();
    List<String> cols = new java.util.ArrayList<>();
    for (int j = 0; j < features; j++) cols.add("f" + j);
    long batch = Math.max(1, Math.round(rows * fraction));
    dev.sparkeval.spark.train.StepTiming.Result st = dev.sparkeval.spark.train.StepTiming.measure(t, cols, "label", batch, 40, 5);
    result.put("batch_size", batch);
    result.put("iteration_ms", st.iterationMs());
    result.put("empty_job_ms", st.emptyJobMs());
    result.put("barrier_iteration_ms", st.barrierIterationMs());
    result.put("epoch_order_ms", st.epochOrderMs());
    out.printf("  %-22s %9.2f ms  (a bare Spark job: %.2f ms; barrier mode: %.2f ms)%n", "iteration_ms", st.iterationMs(),
        st.emptyJobMs(), st.barrierIterationMs());
    var points = MllibSgd.points(t, features);
    t.unpersist();
    // runMiniBatchSGD counts the rows once before its steps; that count is timed on its own and
    // taken out, so the figure is MLlib's cost per step alone.
    int steps = 40;
    double run = time("mllib_sgd_40_steps_s", () -> MllibSgd.run(points, features, steps, fraction));
    double count = time("mllib_count_s", points::count);
    double perStep = (run - count) / steps * 1000;
    result.put("mllib_iteration_ms", perStep);
    out.printf("  %-22s %9.2f ms%n", "mllib_iteration_ms", perStep);
    points.unpersist();
  }

  /** Ratios that CONTRACT.md and the performance issue track, for the keys present. */
  public Map<String, Double> ratios() {
    Map<String, Double> r = new LinkedHashMap<>();
    ratio(r, "mllib_suite_over_fused", "mllib_suite_s", "fused_suite_s");
    ratio(r, "fused_over_scan", "fused_suite_s", "scan_s");
    ratio(r, "mllib_auc_over_exact_auc", "mllib_auc_s", "exact_auc_s");
    ratio(r, "mllib_iteration_over_iteration", "mllib_iteration_ms", "iteration_ms");
    ratio(r, "regression_suite_over_scan", "regression_suite_s", "regression_scan_s");
    ratio(r, "mllib_regression_over_suite", "mllib_regression_suite_s", "regression_suite_s");
    ratio(r, "mllib_ranking_long_over_long", "mllib_ranking_long_s", "ranking_long_s");
    ratio(r, "mllib_ranking_arrays_over_arrays", "mllib_ranking_arrays_s", "ranking_arrays_s");
    result.put("ratios", r);
    return r;
  }

  private void ratio(Map<String, Double> r, String name, String num, String den) {
    if (result.get(num) instanceof Double a && result.get(den) instanceof Double b && b > 0) r.put(name, a / b);
    String cn = num.replaceAll("_s$", "_cpu_s"), cd = den.replaceAll("_s$", "_cpu_s");
    if (result.get(cn) instanceof Double a && result.get(cd) instanceof Double b && b > 0) r.put(name + "_cpu", a / b);
  }
}
