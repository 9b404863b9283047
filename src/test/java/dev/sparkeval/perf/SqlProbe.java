package dev.sparkeval.perf;

import dev.sparkeval.bench.SqlQueries;
import dev.sparkeval.core.Task;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.spark.gen.Synthetic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Manual probe (not a test): the SQL bench's suites, both ways, with wall time and the executors'
 * CPU time (Spark's task metrics: less disturbed by other processes on a shared machine).
 * java ... dev.sparkeval.perf.SqlProbe ROWS REPS [cached|parquet] [suite,...] [pass]
 */
public final class SqlProbe {
  public static void main(String[] a) {
    long rows = Long.parseLong(a[0]);
    int reps = Integer.parseInt(a[1]);
    String source = a.length > 2 ? a[2] : "cached";
    List<String> only = a.length > 3 ? List.of(a[3].split(",")) : List.of();
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    if (a.length > 4) spark.conf().set("spark.sparkeval.pass", a[4]);
    AtomicLong cpu = new AtomicLong();
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override public void onTaskEnd(SparkListenerTaskEnd e) {
        if (e.taskMetrics() != null) cpu.addAndGet(e.taskMetrics().executorCpuTime());
      }
    });
    String path = "/tmp/sqlprobe-" + rows + ".parquet";
    if (!new java.io.File(path).exists()) Synthetic.userTable(spark, rows, 8, 21).write().parquet(path);
    Dataset<Row> t = spark.read().parquet(path);
    if (source.equals("cached")) {
      t = t.cache();
      t.count();
    }
    t.createOrReplaceTempView("t");
    Dataset<Row> table = t;
    Map<String, Runnable> jobs = new LinkedHashMap<>();
    jobs.put("scan", () -> spark.sql(SqlQueries.SCAN).collect());
    jobs.put("binary_scan", () -> spark.sql(SqlQueries.BINARY_SCAN).collect());
    jobs.put("reg_sql", () -> spark.sql(SqlQueries.REGRESSION).collect());
    jobs.put("reg_ours", () -> Evaluation.run(table, settings(Task.REGRESSION, "label", "prediction",
        List.of("mse", "rmse", "mae", "huber"), List.of("r2", "mean_error"), List.of())));
    jobs.put("bin_sql", () -> spark.sql(SqlQueries.BINARY).collect());
    jobs.put("bin_ours", () -> Evaluation.run(table, settings(Task.BINARY, "y", "probability",
        List.of("bce"), List.of("accuracy", "precision", "recall", "f1", "brier"), List.of())));
    jobs.put("sliced_sql", () -> spark.sql(SqlQueries.SLICED).collect());
    jobs.put("sliced_ours", () -> Evaluation.run(table, settings(Task.REGRESSION, "label", "prediction",
        List.of("mse", "mae"), List.of("r2"), List.of("segment"))));
    jobs.put("fused_ours", () -> Evaluation.run(table, settings(Task.BINARY, "y", "probability", List.of("bce", "focal"),
        List.of("accuracy", "precision", "recall", "f1", "mcc", "auc_roc:bins=4096", "auc_pr:bins=4096", "log_loss", "brier"),
        List.of())));
    jobs.put("auc_ours", () -> Evaluation.run(table, settings(Task.BINARY, "y", "probability", List.of(), List.of("auc_roc"), List.of())));
    if (!only.isEmpty()) jobs.keySet().retainAll(only);
    Map<String, List<double[]>> runs = new LinkedHashMap<>();
    for (int rep = -2; rep < reps; rep++) {
      for (Map.Entry<String, Runnable> j : jobs.entrySet()) {
        long c0 = cpu.get(), t0 = System.nanoTime();
        j.getValue().run();
        double wall = (System.nanoTime() - t0) / 1e9, c = (cpu.get() - c0) / 1e9;
        if (rep >= 0) runs.computeIfAbsent(j.getKey(), k -> new ArrayList<>()).add(new double[] {wall, c});
      }
    }
    runs.forEach((k, v) -> System.out.printf("%-12s wall %7.3f s  cpu %7.3f s  (%.1f ns/row cpu)%n", k, median(v, 0), median(v, 1),
        median(v, 1) * 1e9 / rows));
  }

  static double median(List<double[]> v, int i) {
    double[] x = v.stream().mapToDouble(r -> r[i]).toArray();
    Arrays.sort(x);
    return x[x.length / 2];
  }

  static Evaluation.Settings settings(Task task, String label, String pred, List<String> losses, List<String> metrics,
                                      List<String> slices) {
    return Evaluation.settings().task(task).label(label).prediction(pred).loss(losses.toArray(String[]::new))
        .metric(metrics.toArray(String[]::new)).slice(slices.toArray(String[]::new)).build();
  }
}
