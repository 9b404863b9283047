package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.testkit.Cli;
import dev.sparkeval.testkit.SparkTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** evaluate, end to end through the command line, on a regression table with a slice column. */
class EvaluateRegressionTest {
  @TempDir static Path dir;
  static String preds;

  @BeforeAll
  static void table() {
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("prediction", DataTypes.DoubleType)
        .add("w", DataTypes.DoubleType).add("segment", DataTypes.StringType).add("id", DataTypes.IntegerType);
    Random r = new Random(3);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      double y = 1e4 + r.nextGaussian() * 3;
      rows.add(RowFactory.create(y, y + r.nextGaussian(), r.nextDouble() * 2, i % 3 == 0 ? "web" : "app", i));
    }
    Dataset<Row> df = SparkTests.spark().createDataFrame(rows, schema);
    preds = dir.resolve("preds.parquet").toString();
    df.coalesce(2).write().parquet(preds);
  }

  static JsonNode report(Path out) throws Exception {
    return new ObjectMapper().readTree(out.resolve("report.json").toFile());
  }

  @Test
  void contractExampleWritesExactlyTheContractKeys() throws Exception {
    Path out = dir.resolve("contract");
    Cli.Run run = Cli.run("evaluate", "--input", preds, "--task", "regression", "--loss", "mse", "--loss",
        "huber:delta=0.5", "--metric", "r2", "--slice", "segment", "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("huber:delta=0.5"), run.out());
    JsonNode r = report(out);
    List<String> keys = new ArrayList<>();
    r.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("schema", "command", "task", "input", "rows", "rows_used", "rows_skipped", "weight_sum",
        "losses", "metrics", "residuals", "slices", "undefined", "seconds", "settings"), keys); // settings: what a later --baseline checks
    assertEquals(2000, r.get("rows").asLong());
    assertEquals(List.of("mse", "huber:delta=0.5"), names(r.get("losses")));
    assertEquals(List.of("r2"), names(r.get("metrics")));
    assertEquals(2, r.get("slices").size());
    assertEquals("app", r.get("slices").get(0).get("slice").get("segment").asText());
    long sliced = r.get("slices").get(0).get("rows").asLong() + r.get("slices").get(1).get("rows").asLong();
    assertEquals(2000, sliced);
    assertFalse(Files.list(out).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
  }

  static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** The values (not the timing) of a report, as text: equal text means equal bits. */
  static String values(Path out) throws Exception {
    JsonNode r = report(out);
    return r.get("losses").toString() + r.get("metrics") + r.get("slices") + r.get("weight_sum") + r.get("residuals");
  }

  @Test
  void sameBitsAtAnyPartitioningAndRowOrder() throws Exception {
    String[] base = {"evaluate", "--input", preds, "--task", "regression", "--weight", "w", "--slice", "segment",
        "--loss", "mse", "--loss", "rmse", "--loss", "sse", "--loss", "mae", "--loss", "huber", "--loss", "log_cosh",
        "--loss", "quantile:q=0.9", "--loss", "smooth_l1", "--metric", "r2", "--metric", "explained_variance",
        "--metric", "mape", "--metric", "mean_error"};
    String first = null;
    for (int p : new int[] {1, 3, 7}) {
      Path out = dir.resolve("parts" + p);
      List<String> args = new ArrayList<>(List.of(base));
      args.addAll(List.of("--partitions", Integer.toString(p), "--out", out.toString()));
      assertEquals(0, Cli.run(args.toArray(new String[0])).code());
      String v = values(out);
      if (first == null) first = v;
      assertEquals(first, v, "partitions=" + p);
    }
    // the same rows in another order, from another file
    String shuffled = dir.resolve("shuffled.parquet").toString();
    SparkTests.spark().read().parquet(preds).orderBy(org.apache.spark.sql.functions.rand(9)).coalesce(3)
        .write().parquet(shuffled);
    Path out = dir.resolve("shuffled");
    List<String> args = new ArrayList<>(List.of(base));
    args.set(2, shuffled);
    args.addAll(List.of("--out", out.toString()));
    assertEquals(0, Cli.run(args.toArray(new String[0])).code());
    assertEquals(first, values(out), "shuffled row order");
  }

  @Test
  void weightedR2IsTheTrueWeightedR2() throws Exception {
    Path out = dir.resolve("r2w");
    assertEquals(0, Cli.run("evaluate", "--input", preds, "--task", "regression", "--weight", "w", "--metric", "r2",
        "--out", out.toString()).code());
    List<Row> rows = SparkTests.spark().read().parquet(preds).collectAsList();
    java.math.BigDecimal sw = java.math.BigDecimal.ZERO, swy = sw, swyy = sw, swe = sw;
    for (Row row : rows) {
      java.math.BigDecimal y = new java.math.BigDecimal(row.getDouble(0));
      java.math.BigDecimal p = new java.math.BigDecimal(row.getDouble(1));
      java.math.BigDecimal w = new java.math.BigDecimal(row.getDouble(2));
      sw = sw.add(w);
      swy = swy.add(w.multiply(y));
      swyy = swyy.add(w.multiply(y).multiply(y));
      swe = swe.add(w.multiply(y.subtract(p).pow(2)));
    }
    java.math.MathContext mc = new java.math.MathContext(50);
    java.math.BigDecimal ssTot = swyy.subtract(swy.multiply(swy).divide(sw, mc));
    double want = java.math.BigDecimal.ONE.subtract(swe.divide(ssTot, mc)).doubleValue();
    double got = report(out).get("metrics").get("r2").asDouble();
    assertEquals(want, got, Math.abs(want) * 1e-12);
  }

  @Test
  void undefinedValuesAreNullWithAReason() throws Exception {
    Path one = dir.resolve("one.csv");
    Files.writeString(one, "label,prediction\n1.5,2.0\n");
    Path out = dir.resolve("undef");
    assertEquals(0, Cli.run("evaluate", "--input", one.toString(), "--task", "regression", "--metric", "r2",
        "--out", out.toString()).code());
    JsonNode r = report(out);
    assertTrue(r.get("metrics").get("r2").isNull());
    assertTrue(r.get("undefined").get("r2").asText().contains("at least two rows"));
  }

  @Test
  void listShowsEveryRegressionName() {
    Cli.Run run = Cli.run("list", "--task", "regression");
    assertEquals(0, run.code());
    for (String n : List.of("mse", "sse", "rmse", "mae", "huber", "smooth_l1", "log_cosh", "quantile", "r2",
        "explained_variance", "mape", "mean_error")) {
      assertTrue(run.out().contains("  " + n + " "), n);
    }
    assertTrue(run.out().contains("delta=1"));
  }

  static Iterator<String> lines(String s) {
    return s.lines().iterator();
  }
}
