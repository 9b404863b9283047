package dev.sparkeval.spark.sql;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.core.Task;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.testkit.SparkTests;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sparkeval aggregates in a windowed Structured Streaming aggregation: files arrive in several
 * micro-batches, the query stops and restarts from its checkpoint, and every window's values equal
 * a batch evaluation of the same rows bit for bit.
 */
class StreamingSqlTest {
  static final StructType SCHEMA = new StructType().add("ts", DataTypes.TimestampType).add("segment", DataTypes.StringType)
      .add("label", DataTypes.DoubleType).add("probability", DataTypes.DoubleType);
  static final List<String> SPECS = List.of("auc_roc", "bce", "accuracy", "brier");

  @TempDir Path dir;

  void writeFile(SparkSession spark, Path source, int seed) {
    Random r = new Random(seed);
    long start = Timestamp.valueOf("2026-11-01 00:00:00").getTime();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      double p = Math.round(r.nextDouble() * 50) / 50.0; // ties, as real scores have
      double y = r.nextDouble() < 0.3 + 0.5 * p ? 1 : 0;
      rows.add(RowFactory.create(new Timestamp(start + (long) (r.nextDouble() * 5 * 3_600_000)), r.nextBoolean() ? "web" : "app", y, p));
    }
    spark.createDataFrame(rows, SCHEMA).coalesce(1).write().mode("append").parquet(source.toString());
  }

  StreamingQuery start(SparkSession spark, Path source, Path checkpoint, String name) throws Exception {
    Dataset<Row> stream = spark.readStream().schema(SCHEMA).option("maxFilesPerTrigger", 1).parquet(source.toString());
    List<org.apache.spark.sql.Column> aggs = new ArrayList<>();
    for (String s : SPECS) aggs.add(expr(s + "(label, probability)").as(s));
    return stream.groupBy(window(col("ts"), "1 hour"), col("segment"))
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new org.apache.spark.sql.Column[0]))
        .writeStream().outputMode("complete").format("memory").queryName(name)
        .option("checkpointLocation", checkpoint.toString()).trigger(Trigger.AvailableNow()).start();
  }

  @Test
  void windowsAcrossMicroBatchesAndARestartEqualABatchEvaluation() throws Exception {
    SparkSession spark = SparkTests.spark();
    SqlFunctions.register(spark);
    Path source = dir.resolve("source");
    Path checkpoint = dir.resolve("checkpoint");
    writeFile(spark, source, 1);
    writeFile(spark, source, 2);
    StreamingQuery first = start(spark, source, checkpoint, "sparkeval_stream_1");
    first.awaitTermination();
    assertEquals(2, first.recentProgress().length, "one micro-batch per file before the restart");
    writeFile(spark, source, 3);
    writeFile(spark, source, 4);
    StreamingQuery second = start(spark, source, checkpoint, "sparkeval_stream_2");
    second.awaitTermination();
    assertEquals(2, second.recentProgress().length, "the restart reads only the new files, one micro-batch each");

    Dataset<Row> all = spark.read().schema(SCHEMA).parquet(source.toString())
        .withColumn("hour", window(col("ts"), "1 hour").getField("start").cast("string"));
    Evaluation.Result ev = Evaluation.of(all).task(Task.BINARY).prediction("probability").metric(SPECS.toArray(new String[0]))
        .slice("hour", "segment").run();
    Map<String, Evaluation.SliceResult> bySlice = new HashMap<>();
    for (Evaluation.SliceResult s : ev.slices()) bySlice.put(s.slice().get("hour") + "/" + s.slice().get("segment"), s);
    List<Row> windows = spark.sql("SELECT CAST(window.start AS STRING), segment, " + String.join(", ", SPECS) + " FROM sparkeval_stream_2")
        .collectAsList();
    assertEquals(bySlice.size(), windows.size());
    assertTrue(windows.size() >= 10, "windows: " + windows.size());
    for (Row w : windows) {
      Evaluation.SliceResult s = bySlice.get(w.getString(0) + "/" + w.getString(1));
      for (int i = 0; i < SPECS.size(); i++) {
        double want = s.outcome().metrics().get(SPECS.get(i)).value();
        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(w.getDouble(i + 2)),
            SPECS.get(i) + " in " + s.slice() + ": " + want + " vs " + w.getDouble(i + 2));
      }
    }
  }
}
