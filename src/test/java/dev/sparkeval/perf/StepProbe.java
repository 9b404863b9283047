package dev.sparkeval.perf;

import dev.sparkeval.bench.Bench;
import org.apache.spark.sql.SparkSession;

/** Manual probe (not a test): the bench's step section alone. Args: ROWS PARTITIONS */
public final class StepProbe {
  public static void main(String[] a) {
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    Bench b = new Bench(spark, Long.parseLong(a[0]), Integer.parseInt(a[1]), 3, System.out);
    for (int i = 0; i < Integer.parseInt(a[2]); i++) b.iteration(20, 0.001);
    System.out.println(b.ratios());
  }
}
