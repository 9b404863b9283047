package dev.sparkeval.perf;

import dev.sparkeval.core.Role;
import dev.sparkeval.core.Task;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.spark.gen.Synthetic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Manual probe (not a test): median time of the bare scan and of evaluations with given measure
 * sets, interleaved. Args: ROWS REPS SET... where SET is comma-separated names, losses prefixed L:
 */
public final class MarginalProbe {
  public static void main(String[] a) {
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    long rows = Long.parseLong(a[0]);
    if (System.getenv("TASKS") != null) {
      spark.sparkContext().addSparkListener(new org.apache.spark.scheduler.SparkListener() {
        @Override public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd t) {
          var m = t.taskMetrics();
          System.err.printf("TASK stage %d deser %d ms run %d ms resultSer %d ms result %d B gc %d ms launch->end %d ms%n", t.stageId(),
              m.executorDeserializeTime(), m.executorRunTime(), m.resultSerializationTime(), m.resultSize(), m.jvmGCTime(),
              t.taskInfo().finishTime() - t.taskInfo().launchTime());
        }
      });
    }
    int reps = Integer.parseInt(a[1]);
    Dataset<Row> t = Synthetic.predictions(spark, Task.BINARY, rows, 8, 11, 0).repartition(8).cache();
    t.count();
    List<String> sets = Arrays.asList(a).subList(2, a.length);
    double[][] times = new double[sets.size() + 1][reps];
    for (int r = -3; r < reps; r++) {
      for (int i = 0; i <= sets.size(); i++) {
        long t0 = System.nanoTime();
        if (i == 0) t.agg(functions.sum("probability")).collect();
        else Evaluation.run(t, settings(sets.get(i - 1)));
        if (r >= 0) times[i][r] = (System.nanoTime() - t0) / 1e9;
      }
    }
    for (int i = 0; i <= sets.size(); i++) {
      double[] s = times[i].clone();
      Arrays.sort(s);
      System.out.printf("%-60s median %.4f s  min %.4f s  ratio %.2f%n", i == 0 ? "scan" : sets.get(i - 1), s[reps / 2], s[0],
          s[reps / 2] / median(times[0]));
    }
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  static Evaluation.Settings settings(String set) {
    Evaluation.Settings s = new Evaluation.Settings();
    s.task = Task.BINARY;
    s.columns.put(Role.LABEL, "label");
    s.columns.put(Role.PREDICTION, "probability");
    List<String> losses = new ArrayList<>(), metrics = new ArrayList<>();
    for (String n : set.split(",")) {
      if (n.startsWith("L:")) losses.add(n.substring(2));
      else metrics.add(n);
    }
    s.losses = losses;
    s.metrics = metrics;
    return s;
  }
}
