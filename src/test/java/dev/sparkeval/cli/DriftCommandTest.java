package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.testkit.BadInput;
import dev.sparkeval.testkit.Cli;
import dev.sparkeval.testkit.SparkTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** evaluate --reference/--drift from the command line: the drift block, other formats, Spark ML vectors, bad inputs. */
class DriftCommandTest {
  @TempDir static Path dir;
  static String current;
  static String reference;

  static List<Row> rows(double shift, long seed) {
    Random r = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      double y = r.nextDouble() < 0.4 ? 1 : 0;
      double z = (y == 1 ? 1 : -1) + shift + r.nextGaussian();
      double p = 1 / (1 + Math.exp(-z));
      Double age = i % 50 == 0 ? null : 30 + 10 * r.nextGaussian() + 5 * shift;
      rows.add(RowFactory.create(y, Vectors.dense(1 - p, p), age, i % 2 == 0 ? "app" : "web", 1.0 + (i % 3), "x"));
    }
    return rows;
  }

  @BeforeAll
  static void tables() {
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("probability", SQLDataTypes.VectorType())
        .add("age", DataTypes.DoubleType).add("segment", DataTypes.StringType).add("w", DataTypes.DoubleType)
        .add("name", DataTypes.StringType);
    current = dir.resolve("current.parquet").toString();
    reference = dir.resolve("reference.parquet").toString();
    SparkTests.spark().createDataFrame(rows(0.5, 1), schema).coalesce(2).write().parquet(current);
    SparkTests.spark().createDataFrame(rows(0, 2), schema).coalesce(3).write().parquet(reference);
    SparkTests.spark().createDataFrame(rows(0, 2), schema).drop("probability", "w").coalesce(1).write().option("header", "true")
        .csv(dir.resolve("reference-csv").toString());
  }

  static List<String> args(String... more) {
    List<String> a = new ArrayList<>(List.of("evaluate", "--input", current, "--task", "binary", "--metric", "auc_roc"));
    a.addAll(List.of(more));
    return a;
  }

  @Test
  void theDriftBlockHasEveryStatisticOverallAndPerSlice() throws Exception {
    Path out = dir.resolve("drift");
    List<String> a = args("--reference", reference, "--drift", "probability,age", "--slice", "segment", "--weight", "w",
        "--out", out.toString());
    Cli.Run run = Cli.run(a.toArray(new String[0]));
    assertEquals(0, run.code(), run.err());
    JsonNode r = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    for (String col : List.of("probability", "age")) {
      JsonNode d = r.get("drift").get(col);
      for (String k : List.of("ks", "wasserstein", "psi", "js")) assertTrue(d.get(k).asDouble() > 0, col + " " + k + ": " + d);
      assertEquals(9, d.get("deciles").size());
      assertEquals(40, d.get("histogram").get("current").size());
      for (JsonNode s : r.get("slices")) {
        JsonNode sd = s.get("drift").get(col);
        assertTrue(sd.get("ks").asDouble() > 0, s.toString());
        assertFalse(sd.has("histogram"), "chart data overall only");
      }
    }
    JsonNode age = r.get("drift").get("age");
    assertEquals(40, age.get("missing").get("current").asLong(), "null ages are counted, not compared");
    assertEquals(1960, age.get("rows").get("current").asLong());
    assertTrue(run.out().contains("drift probability: ks"), run.out());
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("Drift against the reference") && html.contains("Drift of age"), "the drift section and its charts");
  }

  @Test
  void theDefaultDriftColumnIsThePredictionAndTheReferenceMayBeAnotherFormat() throws Exception {
    Path out = dir.resolve("default");
    Cli.Run run = Cli.run(args("--reference", dir.resolve("reference-csv").toString(), "--reference-format", "csv",
        "--drift", "age", "--out", out.toString()).toArray(new String[0]));
    assertEquals(0, run.code(), run.err());
    Path out2 = dir.resolve("default2");
    Cli.Run run2 = Cli.run(args("--reference", reference, "--out", out2.toString()).toArray(new String[0]));
    assertEquals(0, run2.code(), run2.err());
    JsonNode r = new ObjectMapper().readTree(out2.resolve("report.json").toFile());
    assertTrue(r.get("drift").has("probability"), "a binary task's 2-vector counts as its probability of class 1");
    assertTrue(r.get("drift").get("probability").get("deciles").get(8).asDouble() < 1);
  }

  @Test
  void badDriftInputsAreRefusedInOneLine() throws Exception {
    BadInput.expect(dir, List.of("the current table has no column 'agee' (--drift)", "did you mean 'age'"),
        args("--reference", reference, "--drift", "agee"));
    BadInput.expect(dir, List.of("the --reference table has no column 'probability' (--drift)", "its columns are: label, age"),
        args("--reference", dir.resolve("reference-csv").toString(), "--reference-format", "csv"));
    BadInput.expect(dir, List.of("the --reference table has no column 'w' (--weight)"),
        args("--reference", dir.resolve("reference-csv").toString(), "--reference-format", "csv", "--drift", "age", "--weight", "w"));
    BadInput.expect(dir, List.of("--drift needs a reference table", "--reference PATH"), args("--drift", "age"));
    BadInput.expect(dir, List.of("--drift column 'name' of the current table has type string; drift compares numeric columns"),
        args("--reference", reference, "--drift", "name"));
    BadInput.expect(dir, List.of("--reference '" + dir.resolve("none.parquet") + "' does not exist"),
        args("--reference", dir.resolve("none.parquet").toString()));
    BadInput.expect(dir, List.of("--drift 'age,,x' has an empty column name"), args("--reference", reference, "--drift", "age,,x"));
    StructType multi = new StructType().add("label", DataTypes.DoubleType).add("probability", SQLDataTypes.VectorType());
    List<Row> three = new ArrayList<>();
    for (int i = 0; i < 9; i++) three.add(RowFactory.create((double) (i % 3), Vectors.dense(0.2, 0.3, 0.5)));
    String multiclass = dir.resolve("multiclass.parquet").toString();
    SparkTests.spark().createDataFrame(three, multi).write().parquet(multiclass);
    BadInput.expect(dir, List.of("the prediction column 'probability' holds vectors (multiclass); drift compares numeric columns",
        "--drift COL"), List.of("evaluate", "--input", multiclass, "--task", "multiclass", "--reference", multiclass));
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("probability", DataTypes.DoubleType)
        .add("w", DataTypes.DoubleType);
    List<Row> good = new ArrayList<>();
    List<Row> bad = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      good.add(RowFactory.create((double) (i % 2), 0.1 + i * 0.04, 1.0));
      bad.add(RowFactory.create((double) (i % 2), 0.1 + i * 0.04, i == 7 ? -1.0 : 1.0));
    }
    String fine = dir.resolve("fine-weights.parquet").toString();
    String negative = dir.resolve("negative-weight.parquet").toString();
    SparkTests.spark().createDataFrame(good, schema).write().parquet(fine);
    SparkTests.spark().createDataFrame(bad, schema).write().parquet(negative);
    BadInput.expect(dir, List.of("the --reference table has 1 row whose weight 'w' is null, NaN, infinite or negative (one is -1.0)",
        "--bad-rows skip"), List.of("evaluate", "--input", fine, "--task", "binary", "--weight", "w", "--metric", "auc_roc",
        "--reference", negative));
  }
}
