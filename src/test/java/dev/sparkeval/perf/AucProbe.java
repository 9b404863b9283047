package dev.sparkeval.perf;

import dev.sparkeval.core.Task;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.spark.gen.Synthetic;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Manual probe (not a test): exact auc_roc through Evaluation.run against MLlib's
 * BinaryClassificationEvaluator on the same cached binary table, in turn, medians of REPS after
 * one warm-up, wall and executor CPU time. java [-Dprobe.stages=true] ... AucProbe ROWS REPS [METRICS]
 */
public final class AucProbe {
  private static volatile boolean stages;

  private AucProbe() {}

  public static void main(String[] a) throws TimeoutException {
    long rows = Long.parseLong(a[0]);
    int reps = Integer.parseInt(a[1]);
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    AtomicLong cpu = new AtomicLong();
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override public void onTaskEnd(SparkListenerTaskEnd e) {
        if (e.taskMetrics() != null) cpu.addAndGet(e.taskMetrics().executorCpuTime());
      }

      @Override public void onStageCompleted(SparkListenerStageCompleted e) {
        if (stages) System.out.printf("    stage %-50.50s cpu %.3f s%n", e.stageInfo().name(), e.stageInfo().taskMetrics().executorCpuTime() / 1e9);
      }
    });
    Dataset<Row> t = Synthetic.predictions(spark, Task.BINARY, rows, 8, 11, 0).withColumn("score", functions.col("probability"))
        .repartition(8).cache();
    t.count();
    Evaluation.Settings s = Evaluation.settings().task(Task.BINARY).label("label").prediction("probability")
        .metric(a.length > 2 ? a[2].split(",") : new String[] {"auc_roc"}).build();
    double[][] m = new double[4][reps];
    for (int rep = -1; rep < reps; rep++) {
      spark.sparkContext().listenerBus().waitUntilEmpty(10_000);
      long c0 = cpu.get(), t0 = System.nanoTime();
      stages = Boolean.getBoolean("probe.stages");
      double ours = Evaluation.run(t, s).value("auc_roc");
      long t1 = System.nanoTime();
      spark.sparkContext().listenerBus().waitUntilEmpty(10_000);
      stages = false;
      spark.sparkContext().listenerBus().waitUntilEmpty(10_000);
      long c1 = cpu.get(), t2 = System.nanoTime();
      double theirs = new BinaryClassificationEvaluator().setLabelCol("label").setRawPredictionCol("score").evaluate(t);
      long t3 = System.nanoTime();
      spark.sparkContext().listenerBus().waitUntilEmpty(10_000);
      long c2 = cpu.get();
      System.out.printf("%s exact %.3f s (cpu %.3f)  mllib %.3f s (cpu %.3f)  ratio %.2f  auc %s mllib %s%n",
          rep < 0 ? "warm-up" : "rep " + rep, (t1 - t0) / 1e9, (c1 - c0) / 1e9, (t3 - t2) / 1e9, (c2 - c1) / 1e9,
          (double) (t3 - t2) / (t1 - t0), Double.toHexString(ours), Double.toHexString(theirs));
      if (rep >= 0) {
        m[0][rep] = (t1 - t0) / 1e9;
        m[1][rep] = (c1 - c0) / 1e9;
        m[2][rep] = (t3 - t2) / 1e9;
        m[3][rep] = (c2 - c1) / 1e9;
      }
    }
    System.out.printf("median: exact %.3f s (cpu %.3f)  mllib %.3f s (cpu %.3f)  wall ratio %.2f  cpu ratio %.2f%n",
        median(m[0]), median(m[1]), median(m[2]), median(m[3]), median(m[2]) / median(m[0]), median(m[3]) / median(m[1]));
    spark.stop();
  }

  private static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
