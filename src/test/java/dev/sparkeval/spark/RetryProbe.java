package dev.sparkeval.spark;

import dev.sparkeval.core.Task;
import dev.sparkeval.report.Report;
import dev.sparkeval.report.ReportJson;
import dev.sparkeval.spark.gen.Synthetic;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.RowEncoder;

/**
 * Run in its own JVM by RetryDeterminismTest: a local[2,4] session (tasks may be retried) where
 * the first attempt of every task fails half-way through the rows of the first partition it
 * reads (the pass folds several partitions per task), after other rows were already folded. Prints the values
 * of a clean run, of the disturbed run, and how many task attempts failed.
 */
public final class RetryProbe {
  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().master("local[2,4]").config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    AtomicInteger failed = new AtomicInteger();
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override public void onTaskEnd(SparkListenerTaskEnd end) {
        if (!end.taskInfo().successful()) failed.incrementAndGet();
      }
    });
    Dataset<Row> table = Synthetic.predictions(spark, Task.REGRESSION, 200_000, 6, 5, 0);
    String clean = values(table);
    Dataset<Row> faulty = table.mapPartitions((MapPartitionsFunction<Row, Row>) it -> new java.util.Iterator<Row>() {
      int seen;
      final boolean fail = TaskContext.get().attemptNumber() == 0;

      @Override public boolean hasNext() {
        return it.hasNext();
      }

      @Override public Row next() {
        if (fail && ++seen == 10_000) throw new IllegalStateException("injected failure of a first task attempt");
        return it.next();
      }
    }, RowEncoder.encoderFor(table.schema()));
    String disturbed = values(faulty);
    System.out.println("CLEAN " + clean);
    System.out.println("DISTURBED " + disturbed);
    System.out.println("FAILED_TASKS " + failed.get());
    spark.stop();
  }

  static String values(Dataset<Row> t) {
    Evaluation.Result r = Evaluation.of(t).task(Task.REGRESSION).label("label").prediction("prediction").weight("weight")
        .slice("segment").loss("mse", "mae", "huber", "log_cosh").metric("r2", "explained_variance").run();
    Report m = Report.evaluation(r, "t", 0, List.of(), 0);
    return ReportJson.of(Map.of("l", m.losses(), "m", m.metrics(), "s", m.slices(), "rows", m.rows()))
        .replaceAll("\\s+", "");
  }

  private static final class Map {
    static java.util.Map<String, Object> of(Object... kv) {
      java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
      for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
      return m;
    }
  }
}
