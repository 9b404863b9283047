package dev.sparkeval.perf;

import dev.sparkeval.core.Task;
import dev.sparkeval.spark.gen.Synthetic;
import dev.sparkeval.spark.sql.SqlFunctions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Manual probe (not a test): sparkeval's SQL functions against the hand-written built-in SELECT of
 * the same six regression values, on a cached table and on parquet, each pair timed in turn, by
 * wall time and by the executors' CPU time (Spark's task metrics, less disturbed by other
 * processes on a shared machine). java ... dev.sparkeval.perf.SqlFunctionsProbe ROWS [REPS]
 */
public final class SqlFunctionsProbe {
  static final String BUILTIN = """
      SELECT avg(pow(label - prediction, 2)) AS mse,
             sqrt(avg(pow(label - prediction, 2))) AS rmse,
             avg(abs(label - prediction)) AS mae,
             avg(CASE WHEN abs(label - prediction) < 1.0 THEN 0.5 * pow(label - prediction, 2)
                      ELSE 1.0 * (abs(label - prediction) - 0.5 * 1.0) END) AS huber,
             1 - sum(pow(label - prediction, 2))
                 / (sum(label * label) - sum(label) * sum(label) / count(*)) AS r2,
             avg(prediction - label) AS mean_error
      FROM t""";
  static final String SPARKEVAL = "SELECT mse(label, prediction), rmse(label, prediction), mae(label, prediction),"
      + " huber(label, prediction), r2(label, prediction), mean_error(label, prediction) FROM t";

  public static void main(String[] a) {
    long rows = Long.parseLong(a[0]);
    int reps = a.length > 1 ? Integer.parseInt(a[1]) : 5;
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    SqlFunctions.register(spark);
    AtomicLong cpu = new AtomicLong();
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override public void onTaskEnd(SparkListenerTaskEnd e) {
        if (e.taskMetrics() != null) cpu.addAndGet(e.taskMetrics().executorCpuTime());
      }
    });
    String path = "/tmp/sqlfunctions-probe-" + rows + ".parquet";
    if (!new java.io.File(path).exists()) {
      Synthetic.predictions(spark, Task.REGRESSION, rows, 8, 1, 0).select("segment", "label", "prediction").write().parquet(path);
    }
    Dataset<Row> cached = spark.read().parquet(path).cache();
    cached.count();
    for (String kind : List.of("cached", "parquet")) {
      if (kind.equals("parquet")) cached.unpersist(true); // a read of a cached path would find the cache
      (kind.equals("cached") ? cached : spark.read().parquet(path)).createOrReplaceTempView("t");
      List<double[]> ratios = new ArrayList<>();
      for (int rep = -2; rep < reps; rep++) {
        double[] wall = new double[2];
        double[] cpus = new double[2];
        for (int side = 0; side < 2; side++) {
          long c0 = cpu.get();
          long t0 = System.nanoTime();
          spark.sql(side == 0 ? BUILTIN : SPARKEVAL).collect();
          wall[side] = (System.nanoTime() - t0) / 1e9;
          sleepForListener();
          cpus[side] = (cpu.get() - c0) / 1e9;
        }
        if (rep >= 0) ratios.add(new double[] {wall[1] / wall[0], cpus[1] / cpus[0]});
        System.out.printf("%s: built-in %.3f s (cpu %.3f)  sparkeval %.3f s (cpu %.3f)  wall ratio %.2f  cpu ratio %.2f%n", kind,
            wall[0], cpus[0], wall[1], cpus[1], wall[1] / wall[0], cpus[1] / cpus[0]);
      }
      System.out.printf("%s: median wall ratio %.2f, median cpu ratio %.2f over %d pairs%n", kind, median(ratios, 0), median(ratios, 1),
          ratios.size());
    }
  }

  private static void sleepForListener() {
    try {
      Thread.sleep(200); // task-end events reach the listener asynchronously
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double median(List<double[]> pairs, int k) {
    double[] v = pairs.stream().mapToDouble(p -> p[k]).sorted().toArray();
    return v[v.length / 2];
  }
}
