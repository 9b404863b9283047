package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.testkit.Cli;
import dev.sparkeval.testkit.SparkTests;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Limits fail fast with a clear message instead of exhausting memory; --verbose adds the trace. */
class ResourceLimitsTest {
  @TempDir static Path dir;

  @Test
  void aMillionDistinctSliceValuesFailFast() {
    String t = dir.resolve("wide.parquet").toString();
    SparkTests.spark().range(1_000_000).withColumn("label", functions.rand(1))
        .withColumn("prediction", functions.rand(2)).write().parquet(t);
    long start = System.nanoTime();
    Path out = dir.resolve("out");
    Cli.Run run = Cli.run("evaluate", "--input", t, "--task", "regression", "--slice", "id", "--out", out.toString());
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("--slice id has more than 10000 distinct values"), run.err());
    assertFalse(Files.exists(out.resolve("report.json")));
    System.out.printf("slice limit hit after %.2f s%n", (System.nanoTime() - start) / 1e9);
  }

  @Test
  void tenThousandClassesFailFastBeforeThePass() {
    String t = dir.resolve("wide-classes.parquet").toString();
    SparkTests.spark().range(50).withColumn("label", functions.lit(1.0))
        .withColumn("probability", functions.array_repeat(functions.lit(1e-4), 10_000)).write().parquet(t);
    Cli.Run run = Cli.run("evaluate", "--input", t, "--task", "multiclass", "--metric", "accuracy",
        "--out", dir.resolve("k").toString());
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("10000 classes, more than --max-classes 2000"), run.err());
  }

  @Test
  void aThousandClassesEvaluate() {
    String t = dir.resolve("thousand.parquet").toString();
    SparkTests.spark().range(2000).withColumn("label", functions.col("id").mod(1000).cast("double"))
        .withColumn("probability", functions.array_repeat(functions.lit(1e-3), 1000)).write().parquet(t);
    Cli.Run run = Cli.run("evaluate", "--input", t, "--task", "multiclass", "--metric", "accuracy", "--metric", "f1:average=macro",
        "--out", dir.resolve("k1000").toString());
    assertEquals(0, run.code(), run.err());
  }

  @Test
  void verboseAddsTheStackTraceAndOnlyThen() throws Exception {
    Path f = dir.resolve("v.csv");
    Files.writeString(f, "label,prediction\n1,2\n");
    Cli.Run quiet = Cli.run("evaluate", "--input", f.toString(), "--task", "regression", "--loss", "nope",
        "--out", dir.resolve("v").toString());
    assertEquals(2, quiet.code());
    assertFalse(quiet.err().contains("\tat "), quiet.err());
    Cli.Run loud = Cli.run("evaluate", "--input", f.toString(), "--task", "regression", "--loss", "nope",
        "--out", dir.resolve("v").toString(), "--verbose");
    assertEquals(2, loud.code());
    assertTrue(loud.err().contains("\tat dev.sparkeval"), loud.err());
  }
}
