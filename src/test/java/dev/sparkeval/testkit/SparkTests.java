package dev.sparkeval.testkit;

import org.apache.spark.sql.SparkSession;

/** One local[2] SparkSession for the whole test JVM. */
public final class SparkTests {
  private static SparkSession session;

  private SparkTests() {}

  public static synchronized SparkSession spark() {
    if (session == null) {
      session = SparkSession.builder().master("local[2]").appName("sparkeval-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }
}
