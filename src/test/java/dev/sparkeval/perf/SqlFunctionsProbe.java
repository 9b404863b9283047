package dev.sparkeval.perf;

import dev.sparkeval.core.Task;
import dev.sparkeval.spark.gen.Synthetic;
import dev.sparkeval.spark.sql.SqlFunctions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Manual probe (not a test): sparkeval's SQL functions against the hand-written built-in SELECT of
 * the same six regression values, on a cached table and on parquet, each pair timed in turn.
 * java ... dev.sparkeval.perf.SqlFunctionsProbe ROWS [REPS]
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
    String path = "/tmp/sqlprobe-" + rows + ".parquet";
    if (!new java.io.File(path).exists()) {
      Synthetic.predictions(spark, Task.REGRESSION, rows, 8, 1, 0).select("segment", "label", "prediction").write().parquet(path);
    }
    Dataset<Row> parquet = spark.read().parquet(path);
    Dataset<Row> cached = spark.read().parquet(path).cache();
    cached.count();
    for (String kind : List.of("cached", "parquet")) {
      (kind.equals("cached") ? cached : parquet).createOrReplaceTempView("t");
      if (System.getProperty("explain") != null) {
        Dataset<Row> q = spark.sql(SPARKEVAL);
        q.collect();
        System.out.println(q.queryExecution().executedPlan());
      }
      List<Double> ratios = new ArrayList<>();
      for (int rep = -2; rep < reps; rep++) {
        long s0 = System.nanoTime();
        Row b = spark.sql(BUILTIN).first();
        long s1 = System.nanoTime();
        Row s = spark.sql(SPARKEVAL).first();
        long s2 = System.nanoTime();
        double ratio = (double) (s2 - s1) / (s1 - s0);
        if (rep >= 0) ratios.add(ratio);
        System.out.printf("%s: built-in %.3f s  sparkeval %.3f s  ratio %.2f   (mse %s vs %s)%n", kind, (s1 - s0) / 1e9, (s2 - s1) / 1e9, ratio,
            b.get(0), s.get(0));
      }
      double[] r = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      System.out.printf("%s: median ratio %.2f over %d pairs %s%n", kind, r[r.length / 2], r.length, Arrays.toString(r));
    }
  }
}
