package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.testkit.BadInput;
import dev.sparkeval.testkit.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input: exit 2, one line naming the fault and what would be right, nothing written. */
class BadInputTest {
  @TempDir static Path dir;
  static String good;

  @BeforeAll
  static void files() throws Exception {
    good = write("good.csv", "label,prediction,w,name\n1.0,1.5,1.0,a\n2.0,2.5,2.0,b\n3.0,2.0,0.5,c\n");
  }

  static String write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  /** Runs, expects exit 2 with a one-line message containing every fragment, and no report written. */
  static Cli.Run bad(List<String> fragments, String... args) {
    return BadInput.expect(dir, fragments, List.of(args));
  }

  @Test
  void missingColumnListsTheColumnsAndSuggests() {
    bad(List.of("--prediction column 'predction'", "did you mean 'prediction'", "label, prediction, w, name"),
        "evaluate", "--input", good, "--task", "regression", "--prediction", "predction");
  }

  @Test
  void wrongColumnType() {
    bad(List.of("--prediction column 'name' has type string", "expected a number"),
        "evaluate", "--input", good, "--task", "regression", "--prediction", "name");
  }

  @Test
  void nanAndNullAndInfiniteValuesNameTheRow() throws Exception {
    String f = write("nan.csv", "label,prediction\n1.0,1.5\n2.0,NaN\n3.0,\n");
    bad(List.of("row 1", "prediction is NaN", "--bad-rows skip"), "evaluate", "--input", f, "--task", "regression");
    String inf = write("inf.json", "{\"label\": 1.0, \"prediction\": 2.0}\n{\"label\": null, \"prediction\": 1.0}\n");
    bad(List.of("label is null"), "evaluate", "--input", inf, "--task", "regression");
  }

  @Test
  void infiniteValues() throws Exception {
    String f = dir.resolve("inf.parquet").toString();
    dev.sparkeval.testkit.SparkTests.spark().range(3)
        .withColumn("label", org.apache.spark.sql.functions.when(org.apache.spark.sql.functions.col("id").equalTo(2),
            Double.POSITIVE_INFINITY).otherwise(1.0))
        .withColumn("prediction", org.apache.spark.sql.functions.lit(1.5)).coalesce(1).write().parquet(f);
    bad(List.of("row 2", "label is Infinity", "expected a finite number"), "evaluate", "--input", f, "--task", "regression");
  }

  @Test
  void skipExcludesAndCountsBadRowsByReason() throws Exception {
    String f = write("mixed.csv", "label,prediction,w\n1.0,1.5,1\n2.0,NaN,1\n3.0,,1\n4.0,4.5,-1\n5.0,5.0,1\n");
    Path out = dir.resolve("skip");
    Cli.Run run = Cli.run("evaluate", "--input", f, "--task", "regression", "--weight", "w", "--bad-rows", "skip",
        "--loss", "mse", "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    JsonNode r = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertEquals(5, r.get("rows").asLong());
    assertEquals(2, r.get("rows_used").asLong());
    assertEquals(1, r.get("rows_skipped").get("nan_prediction").asLong());
    assertEquals(1, r.get("rows_skipped").get("null_prediction").asLong());
    assertEquals(1, r.get("rows_skipped").get("negative_weight").asLong());
    assertEquals((0.25 + 0.0) / 2, r.get("losses").get("mse").asDouble(), 0.0);
  }

  @Test
  void negativeAndNanWeights() throws Exception {
    String f = write("negw.csv", "label,prediction,w\n1.0,1.5,1\n2.0,2.0,-0.5\n");
    bad(List.of("weight is -0.5", "weights must be finite and >= 0"),
        "evaluate", "--input", f, "--task", "regression", "--weight", "w");
    String g = write("nanw.csv", "label,prediction,w\n1.0,1.5,NaN\n");
    bad(List.of("weight is NaN"), "evaluate", "--input", g, "--task", "regression", "--weight", "w");
  }

  @Test
  void emptyTable() throws Exception {
    String f = write("empty.csv", "label,prediction\n");
    bad(List.of("no rows"), "evaluate", "--input", f, "--format", "csv", "--task", "regression",
        "--label", "label", "--prediction", "prediction");
  }

  @Test
  void unknownSpecSuggestsTheNearestName() {
    bad(List.of("unknown loss or metric 'hubber'", "did you mean 'huber'"),
        "evaluate", "--input", good, "--task", "regression", "--loss", "hubber");
    bad(List.of("'huber' has no parameter 'delt'", "did you mean 'delta'"),
        "evaluate", "--input", good, "--task", "regression", "--loss", "huber:delt=2");
  }

  @Test
  void invalidParameters() {
    bad(List.of("huber: delta must be in (0, inf)", "got -1"),
        "evaluate", "--input", good, "--task", "regression", "--loss", "huber:delta=-1");
    bad(List.of("quantile: q must be in [0, 1]"),
        "evaluate", "--input", good, "--task", "regression", "--loss", "quantile:q=1.5");
    bad(List.of("delta must be a finite number"),
        "evaluate", "--input", good, "--task", "regression", "--loss", "huber:delta=abc");
  }

  @Test
  void badOptions() {
    bad(List.of("unknown --task 'regresion'", "did you mean 'regression'"),
        "evaluate", "--input", good, "--task", "regresion");
    bad(List.of("--logits does not apply to task regression"),
        "evaluate", "--input", good, "--task", "regression", "--logits");
    bad(List.of("--input '" + dir.resolve("nope.csv") + "' does not exist"),
        "evaluate", "--input", dir.resolve("nope.csv").toString(), "--task", "regression");
    bad(List.of("cannot tell the format", "--format"), "evaluate", "--input", dir.toString(), "--task", "regression");
    bad(List.of("unknown command 'evalute'", "did you mean 'evaluate'"), "evalute");
    bad(List.of("--bad-rows must be fail or skip"), "evaluate", "--input", good, "--task", "regression", "--bad-rows", "drop");
    bad(List.of("'r2' does not apply to task binary") , "evaluate", "--input", good, "--task", "binary", "--metric", "r2");
  }

  @Test
  void unwritableOutput() throws Exception {
    Path file = dir.resolve("a-file");
    Files.writeString(file, "x");
    Cli.Run run = Cli.run("evaluate", "--input", good, "--task", "regression", "--out", file.resolve("sub").toString());
    assertEquals(2, run.code());
    assertTrue(run.err().contains("is not a folder"), run.err());
  }

  @Test
  void failedRunKeepsThePreviousReport() throws Exception {
    Path out = dir.resolve("keep");
    assertEquals(0, Cli.run("evaluate", "--input", good, "--task", "regression", "--out", out.toString()).code());
    String before = Files.readString(out.resolve("report.json"));
    String f = write("bad2.csv", "label,prediction\n1.0,NaN\n");
    assertEquals(2, Cli.run("evaluate", "--input", f, "--task", "regression", "--out", out.toString()).code());
    assertEquals(before, Files.readString(out.resolve("report.json")));
  }
}
