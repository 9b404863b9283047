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
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** evaluate's human outputs: report.html, metrics.csv, bootstrap intervals, gates, small slices, escaping. */
class EvaluateReportTest {
  static final String XSS = "<script>alert(1)</script>";
  @TempDir static Path dir;
  static String preds;

  @BeforeAll
  static void table() {
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("prediction", DataTypes.DoubleType)
        .add("segment", DataTypes.StringType);
    Random r = new Random(4);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      double y = 50 + 10 * r.nextGaussian();
      String seg = i < 5 ? "tiny" : i % 3 == 0 ? XSS : "web";
      double noise = seg.equals("web") ? 1 : 4; // the XSS slice is much worse
      rows.add(RowFactory.create(y, y + noise * r.nextGaussian(), seg));
    }
    preds = dir.resolve("preds.parquet").toString();
    SparkTests.spark().createDataFrame(rows, schema).coalesce(2).write().parquet(preds);
  }

  static Cli.Run evaluate(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("evaluate", "--input", preds, "--task", "regression", "--loss", "mse",
        "--metric", "r2", "--slice", "segment", "--out", out.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(new String[0]));
  }

  @Test
  void writesHtmlAndCsvBesideTheJsonWithIntervalsGatesAndHiddenSmallSlices() throws Exception {
    Path out = dir.resolve("full");
    Cli.Run run = evaluate(out, "--bootstrap", "40", "--seed", "3", "--gate", "mse<=0.5", "--min-slice-rows", "10");
    assertEquals(3, run.code(), run.err());
    assertTrue(run.out().contains("html report: " + out.resolve("report.html")), run.out());
    assertTrue(run.out().matches("(?s).*mse +[0-9.]+  95% \\[[0-9.]+, [0-9.]+\\].*"), run.out());
    JsonNode r = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    JsonNode mse = r.get("intervals").get("mse");
    assertTrue(mse.get(0).asDouble() < r.get("losses").get("mse").asDouble()
        && r.get("losses").get("mse").asDouble() < mse.get(1).asDouble(), r.get("intervals").toString());
    assertEquals(40, r.get("bootstrap").get("replicates").asInt());
    JsonNode tiny = null;
    for (JsonNode s : r.get("slices")) {
      assertTrue(s.get("intervals").has("r2"), "every slice has its intervals");
      assertFalse(s.has("residuals"), "chart data only overall");
      if (s.get("slice").get("segment").asText().equals("tiny")) tiny = s;
    }
    assertTrue(tiny.get("below_min_rows").asBoolean());
    assertFalse(r.get("gates").get(0).get("passed").asBoolean());

    String html = Files.readString(out.resolve("report.html"));
    assertFalse(html.contains("<script"), "the slice value must be text, not a script");
    assertTrue(html.contains("segment = &lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(html.contains("mse&lt;=0.5") && html.contains("FAILED"), "gates are shown");
    assertFalse(html.contains("segment = tiny"), "slices below --min-slice-rows are hidden");
    assertTrue(html.contains("1 slices with fewer than 10 rows are hidden"));
    assertTrue(html.contains("<tr class=\"worse\"><td class=\"name\" title=\"segment = &lt;script&gt;alert(1)&lt;/script&gt;\">segment = &lt;script&gt;"),
        "the worst slice first, flagged");
    assertEquals(2, html.split("<svg", -1).length - 1);

    List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
    assertEquals("slice,name,value,low,high", csv.get(0));
    assertEquals(1 + 2 * 4, csv.size(), "overall and 3 slices, 2 values each");
    assertTrue(csv.get(1).startsWith(",mse," + r.get("losses").get("mse").asDouble() + "," + mse.get(0).asDouble()));
    assertTrue(csv.stream().anyMatch(l -> l.startsWith("segment = " + XSS + ",r2,")));
  }

  @Test
  void intervalsAreTheSameAtAnyPartitioning() throws Exception {
    String first = null;
    for (int p : new int[] {1, 4}) {
      Path out = dir.resolve("boot" + p);
      assertEquals(0, evaluate(out, "--bootstrap", "30", "--partitions", Integer.toString(p)).code());
      String iv = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("intervals").toString();
      if (first == null) first = iv;
      assertEquals(first, iv, "partitions=" + p);
    }
  }

  @Test
  void sliceMetricMustBeComputed() {
    Cli.Run run = evaluate(dir.resolve("sm"), "--slice-metric", "mae");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("--slice-metric 'mae' is not computed"), run.err());
  }

  @Test
  void badBootstrapCountIsAUsageError() {
    Cli.Run run = evaluate(dir.resolve("bad"), "--bootstrap", "1");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("--bootstrap must be between 2 and 10000"), run.err());
  }
}
