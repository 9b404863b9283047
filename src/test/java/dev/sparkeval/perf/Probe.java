package dev.sparkeval.perf;

import dev.sparkeval.core.Role;
import dev.sparkeval.core.Task;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.spark.gen.Synthetic;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** Manual probe (not a test): java ... dev.sparkeval.perf.Probe ROWS */
public final class Probe {
  public static void main(String[] a) {
    long rows = Long.parseLong(a[0]);
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    Dataset<Row> t = Synthetic.predictions(spark, Task.REGRESSION, rows, 8, 1, 0).select("label", "prediction", "weight", "segment").cache();
    t.count();
    for (int rep = 0; rep < 5; rep++) {
      long s0 = System.nanoTime();
      t.agg(functions.sum("label")).collect();
      long s1 = System.nanoTime();
      Evaluation.Settings s = new Evaluation.Settings();
      s.task = Task.REGRESSION;
      s.columns.put(Role.LABEL, "label");
      s.columns.put(Role.PREDICTION, "prediction");
      s.losses = List.of(a.length > 1 ? a[1].split(";") : new String[] {"mse", "mae", "huber", "log_cosh"});
      s.metrics = List.of("r2");
      Evaluation.run(t, s);
      long s2 = System.nanoTime();
      System.out.printf("scan %.3f s  suite %.3f s  ratio %.2f%n", (s1 - s0) / 1e9, (s2 - s1) / 1e9, (double) (s2 - s1) / (s1 - s0));
    }
  }
}
