package dev.sparkeval.tools;

import dev.sparkeval.spark.train.StepTiming;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.optimization.GradientDescent;
import org.apache.spark.mllib.optimization.LogisticGradient;
import org.apache.spark.mllib.optimization.SimpleUpdater;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import scala.Tuple2;

/**
 * Manual measurement (not a test): per-iteration time of the training loop against MLlib's
 * runMiniBatchSGD at the same batch size, on a cached synthetic table. Args: rows partitions.
 */
public final class StepTimingMain {
  public static void main(String[] args) {
    long rows = Long.parseLong(args[0]);
    int parts = Integer.parseInt(args[1]);
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    List<String> feats = new ArrayList<>();
    Dataset<Row> t = spark.range(0, rows, 1, parts).toDF("id");
    for (int j = 0; j < 20; j++) {
      t = t.withColumn("f" + j, functions.randn(j));
      feats.add("f" + j);
    }
    t = t.withColumn("label", functions.when(functions.col("f0").plus(functions.col("f1")).gt(0), 1.0).otherwise(0.0)).cache();
    t.count();
    long batch = Math.max(1, rows / 1000);
    StepTiming.Result r = StepTiming.measure(t, feats, "label", batch, 40, 1);
    System.out.println("sparkeval: " + r);

    RDD<Tuple2<Object, Vector>> data = t.javaRDD().map(row -> {
      double[] x = new double[20];
      for (int j = 0; j < 20; j++) x[j] = row.getDouble(1 + j);
      return new Tuple2<Object, Vector>(row.getDouble(21), Vectors.dense(x));
    }).cache().rdd();
    data.count();
    int iters = 20;
    long a = System.nanoTime();
    GradientDescent.runMiniBatchSGD(data, new LogisticGradient(), new SimpleUpdater(), 0.1, iters, 0.0, 0.001,
        Vectors.zeros(20), 0.0);
    System.out.printf("mllib runMiniBatchSGD: %.1f ms per iteration (batch fraction 0.001, %d iterations)%n",
        (System.nanoTime() - a) / 1e6 / iters, iters);
    spark.stop();
  }
}
