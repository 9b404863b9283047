package dev.sparkeval.perf;

import dev.sparkeval.core.Role;
import dev.sparkeval.core.Task;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.spark.gen.Synthetic;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Manual probe (not a test): the bench's fused binary suite in a loop, for a profiler. Args: ROWS REPS */
public final class BinaryProbe {
  public static void main(String[] a) {
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    Dataset<Row> t = Synthetic.predictions(spark, Task.BINARY, Long.parseLong(a[0]), 8, 11, 0).repartition(8).cache();
    t.count();
    Evaluation.Settings s = new Evaluation.Settings();
    s.task = Task.BINARY;
    s.columns.put(Role.LABEL, "label");
    s.columns.put(Role.PREDICTION, "probability");
    s.losses = List.of("bce", "focal");
    s.metrics = List.of("accuracy", "precision", "recall", "f1", "mcc", "auc_roc:bins=4096", "auc_pr:bins=4096", "log_loss", "brier");
    for (int i = 0; i < Integer.parseInt(a[1]); i++) {
      long t0 = System.nanoTime();
      Evaluation.run(t, s);
      System.out.printf("suite %.3f s%n", (System.nanoTime() - t0) / 1e9);
    }
  }
}
