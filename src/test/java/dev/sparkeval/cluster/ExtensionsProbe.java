package dev.sparkeval.cluster;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A plain Spark program that knows nothing of sparkeval: submitted with
 * {@code --conf spark.sql.extensions=dev.sparkeval.spark.SparkevalExtensions --jars sparkeval.jar},
 * its session has the functions anyway. Prints {@code mse=<value>} of a CSV file's predictions.
 */
public final class ExtensionsProbe {
  private ExtensionsProbe() {}

  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().getOrCreate();
    spark.read().option("header", "true").option("inferSchema", "true").csv(args[0]).createOrReplaceTempView("preds");
    Row r = spark.sql("SELECT mse(label, prediction, w) FROM preds").first();
    System.out.println("mse=" + r.getDouble(0));
    spark.stop();
  }
}
