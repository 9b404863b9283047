package dev.sparkeval.tools;

import dev.sparkeval.core.Task;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.spark.gen.Synthetic;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Manual measurement (not a test): what --bootstrap N adds to exact AUC on a cached binary table,
 * against what it adds to a one-pass metric, in the same run and in turn (medians of reps).
 * Args: rows replicates reps.
 */
public final class BootstrapAucCostMain {
  public static void main(String[] args) {
    long rows = Long.parseLong(args[0]);
    int n = Integer.parseInt(args[1]);
    int reps = Integer.parseInt(args[2]);
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    Dataset<Row> t = Synthetic.predictions(spark, Task.BINARY, rows, 8, 1, 2).cache();
    t.count();
    String[][] metrics = {{"accuracy"}, {"auc_roc", "auc_pr"}};
    double[][] s = new double[4][reps];
    for (int rep = -1; rep < reps; rep++) { // one warm-up round
      for (int m = 0; m < 2; m++) {
        for (int b = 0; b < 2; b++) {
          long t0 = System.nanoTime();
          Evaluation.of(t).task(Task.BINARY).metric(metrics[m]).bootstrap(b == 0 ? 0 : n).run();
          if (rep >= 0) s[2 * m + b][rep] = (System.nanoTime() - t0) / 1e9;
        }
      }
    }
    double[] med = new double[4];
    for (int i = 0; i < 4; i++) {
      Arrays.sort(s[i]);
      med[i] = s[i][reps / 2];
    }
    System.out.printf("rows %d, replicates %d, medians of %d: accuracy %.2f s, with bootstrap %.2f s; exact AUC %.2f s,"
        + " with bootstrap %.2f s%n", rows, n, reps, med[0], med[1], med[2], med[3]);
    System.out.printf("per replicate per million rows: one-pass metric %.1f ms, exact AUC (roc and pr together) %.1f ms%n",
        (med[1] - med[0]) / n / rows * 1e9, (med[3] - med[2]) / n / rows * 1e9);
    spark.stop();
  }
}
