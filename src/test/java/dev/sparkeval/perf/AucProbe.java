package dev.sparkeval.perf;

import dev.sparkeval.core.Role;
import dev.sparkeval.core.Task;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.spark.gen.Synthetic;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** Manual probe (not a test): exact AUC against MLlib's on the bench's cached binary table. java ... AucProbe ROWS REPS */
public final class AucProbe {
  static volatile boolean stages;

  public static void main(String[] a) {
    long rows = Long.parseLong(a[0]);
    int reps = Integer.parseInt(a[1]);
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    AtomicLong cpu = new AtomicLong();
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override public void onTaskEnd(SparkListenerTaskEnd e) {
        if (e.taskMetrics() != null) cpu.addAndGet(e.taskMetrics().executorCpuTime());
      }

      @Override public void onStageCompleted(org.apache.spark.scheduler.SparkListenerStageCompleted e) {
        if (stages) System.out.printf("    stage %-60.60s cpu %.3f s%n", e.stageInfo().name(), e.stageInfo().taskMetrics().executorCpuTime() / 1e9);
      }
    });
    Dataset<Row> t = Synthetic.predictions(spark, Task.BINARY, rows, 8, 11, 0).withColumn("score", functions.col("probability"))
        .repartition(8).cache();
    t.count();
    Evaluation.Settings s = new Evaluation.Settings();
    s.task = Task.BINARY;
    s.columns.put(Role.LABEL, "label");
    s.columns.put(Role.PREDICTION, "probability");
    s.metrics = List.of("auc_roc");
    for (int rep = 0; rep < reps + 1; rep++) {
      long c0 = cpu.get(), t0 = System.nanoTime();
      stages = true;
      double ours = Evaluation.run(t, s).value("auc_roc");
      stages = false;
      long c1 = cpu.get(), t1 = System.nanoTime();
      double theirs = new BinaryClassificationEvaluator().setLabelCol("label").setRawPredictionCol("score").evaluate(t);
      long c2 = cpu.get(), t2 = System.nanoTime();
      System.out.printf("exact %.3f s (cpu %.3f)  mllib %.3f s (cpu %.3f)  ratio %.2f  [%.8f %.8f]%n", (t1 - t0) / 1e9, (c1 - c0) / 1e9,
          (t2 - t1) / 1e9, (c2 - c1) / 1e9, (double) (t2 - t1) / (t1 - t0), ours, theirs);
    }
  }
}
