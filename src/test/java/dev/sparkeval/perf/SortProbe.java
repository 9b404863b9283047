package dev.sparkeval.perf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Manual probe (not a test): cost of a SQL shuffle + sort of (unit, key, pos, w) rows made in Java. */
public final class SortProbe {
  public static void main(String[] a) {
    long rows = Long.parseLong(a[0]);
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    AtomicLong cpu = new AtomicLong();
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override public void onTaskEnd(SparkListenerTaskEnd e) {
        if (e.taskMetrics() != null) cpu.addAndGet(e.taskMetrics().executorCpuTime());
      }
    });
    StructType schema = new StructType().add("unit", DataTypes.LongType).add("key", DataTypes.LongType)
        .add("pos", DataTypes.DoubleType).add("w", DataTypes.DoubleType);
    Dataset<Row> src = spark.range(0, rows, 1, 8).toDF("id").withColumn("p", functions.rand(3)).cache();
    src.count();
    for (int rep = 0; rep < 4; rep++) {
      long c0 = cpu.get(), t0 = System.nanoTime();
      JavaRDD<Row> pairs = src.toJavaRDD().map(r -> {
        double p = r.getDouble(1);
        return RowFactory.create((long) (p * 256), ~Double.doubleToLongBits(p), p > 0.5 ? 1.0 : 0.0, 1.0);
      });
      long n = spark.createDataFrame(pairs, schema).repartition(8, functions.col("unit")).sortWithinPartitions("key")
          .toJavaRDD().mapPartitions(it -> { long k = 0; while (it.hasNext()) { it.next(); k++; } return List.of(k).iterator(); })
          .reduce(Long::sum);
      System.out.printf("sql sort: %.3f s (cpu %.3f) %d%n", (System.nanoTime() - t0) / 1e9, (cpu.get() - c0) / 1e9, n);
      c0 = cpu.get();
      t0 = System.nanoTime();
      org.apache.spark.rdd.RDD<org.apache.spark.sql.catalyst.InternalRow> internal = src.queryExecution().toRdd().toJavaRDD().map(r -> {
        double p = r.getDouble(1);
        return (org.apache.spark.sql.catalyst.InternalRow) new org.apache.spark.sql.catalyst.expressions.GenericInternalRow(
            new Object[] {(long) (p * 256), ~Double.doubleToLongBits(p), p > 0.5 ? 1.0 : 0.0, 1.0});
      }).rdd();
      n = ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(internal, schema, false)
          .repartition(8, functions.col("unit")).sortWithinPartitions("key")
          .queryExecution().toRdd().toJavaRDD().mapPartitions(it -> { long k = 0; while (it.hasNext()) { it.next(); k++; } return List.of(k).iterator(); })
          .reduce(Long::sum);
      System.out.printf("internal sort: %.3f s (cpu %.3f) %d%n", (System.nanoTime() - t0) / 1e9, (cpu.get() - c0) / 1e9, n);
    }
  }
}
