package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.testkit.ChildJvm;
import dev.sparkeval.testkit.Cli;
import dev.sparkeval.testkit.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sql command: prints the result, writes CSV atomically, and gives the evaluate command's values. */
class SqlCommandTest {
  @TempDir static Path dir;
  static String csv;

  @BeforeAll
  static void data() throws Exception {
    StringBuilder b = new StringBuilder("label,prediction,w,segment\n");
    java.util.Random r = new java.util.Random(5);
    for (int i = 0; i < 400; i++) {
      double y = r.nextGaussian() * 10;
      b.append(y).append(',').append(y + r.nextGaussian()).append(',').append(r.nextDouble()).append(',').append(i % 2 == 0 ? "web" : "app").append('\n');
    }
    csv = dir.resolve("preds.csv").toString();
    Files.writeString(Path.of(csv), b.toString());
  }

  @Test
  void groupedQueryMatchesEvaluateAndWritesCsv() throws Exception {
    Path out = dir.resolve("sql-out");
    Cli.Run run = Cli.run("sql", "--view", "preds=" + csv, "SELECT segment, mse(label, prediction, w) AS mse,"
        + " huber(label, prediction, w, 0.5) AS huber FROM preds GROUP BY segment ORDER BY segment", "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("segment | mse"), run.out());
    assertTrue(run.out().contains("(2 rows)"), run.out());
    List<String> lines = Files.readAllLines(out.resolve("result.csv"));
    assertEquals("segment,mse,huber", lines.get(0));
    assertEquals(3, lines.size());
    assertFalse(Files.list(out).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));

    Path rep = dir.resolve("eval-out");
    assertEquals(0, Cli.run("evaluate", "--input", csv, "--task", "regression", "--weight", "w", "--loss", "mse",
        "--loss", "huber:delta=0.5", "--slice", "segment", "--out", rep.toString()).code());
    JsonNode slices = new ObjectMapper().readTree(rep.resolve("report.json").toFile()).get("slices");
    for (int i = 0; i < 2; i++) {
      String[] cells = lines.get(i + 1).split(",");
      JsonNode s = slices.get(i);
      assertEquals(s.get("slice").get("segment").asText(), cells[0]);
      assertEquals(s.get("losses").get("mse").asDouble(), Double.parseDouble(cells[1]), 0.0);
      assertEquals(s.get("losses").get("huber:delta=0.5").asDouble(), Double.parseDouble(cells[2]), 0.0);
    }
  }

  @Test
  void pathQueriesWorkWithoutViews() {
    String parquet = dir.resolve("preds.parquet").toString();
    dev.sparkeval.testkit.SparkTests.spark().read().option("header", "true").option("inferSchema", "true").csv(csv)
        .write().parquet(parquet);
    Cli.Run run = Cli.run("sql", "SELECT mae(label, prediction) AS mae FROM parquet.`" + parquet + "`");
    assertEquals(0, run.code(), run.err());
    Cli.Run ev = Cli.run("evaluate", "--input", parquet, "--task", "regression", "--loss", "mae", "--out", dir.resolve("e2").toString());
    String mae = ev.out().lines().filter(l -> l.trim().startsWith("mae ")).findFirst().orElseThrow().trim().split("\\s+")[1];
    assertTrue(run.out().contains(mae.substring(0, 6)), run.out() + " vs " + mae);
  }

  @Test
  void syntaxAndQueryErrorsPrintSparksMessageOnOneLine() {
    Cli.Run parse = Cli.run("sql", "SELEC 1");
    assertEquals(2, parse.code(), parse.err());
    assertTrue(parse.err().startsWith("error: sql: [PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'"), parse.err());
    assertEquals(1, parse.err().strip().lines().count(), parse.err());
    Cli.Run cast = Cli.run("sql", "--view", "p=" + csv, "SELECT mse(label, CAST(segment AS DOUBLE)) FROM p");
    assertEquals(2, cast.code(), cast.err());
    assertTrue(cast.err().startsWith("error: sql: [CAST_INVALID_INPUT]"), cast.err());
    assertEquals(1, cast.err().strip().lines().count(), cast.err());
  }

  @Test
  void aBadRowIsOneLineAndSparkLogsNoTaskFailure() {
    try (LogCapture logs = new LogCapture()) {
      Cli.Run run = Cli.run("sql", "--view", "p=" + csv, "SELECT segment, mae(label, IF(w < 0.01, NULL, prediction)) FROM p GROUP BY segment");
      assertEquals(2, run.code(), run.err());
      assertEquals(1, run.err().strip().lines().count(), run.err());
      assertTrue(run.err().matches("error: mae\\(label, \\(IF\\(\\(w < 0\\.01\\), NULL, prediction\\)\\)\\): bad row at partition \\d+, row \\d+ of its group"
          + " \\(label = .*, \\(IF\\(\\(w < 0\\.01\\), NULL, prediction\\)\\) = NULL\\): prediction is null .*\\s*"), run.err());
      List<String> taskLogs = logs.events().stream().filter(e -> e.contains("UsageException") || e.contains("Lost task")).toList();
      assertEquals(List.of(), taskLogs);
    }
  }

  @Test
  void aRealRunLeavesNoWarehouseAndPrintsNoTrace() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    String parquet = dir.resolve("bad.parquet").toString();
    dev.sparkeval.testkit.SparkTests.spark().sql("SELECT CAST(id AS DOUBLE) AS label, IF(id = 7, NULL, id + 0.5) AS prediction FROM range(20)")
        .write().parquet(parquet);
    Cli.Run run = ChildJvm.run(work, "sql", "SELECT mse(label, prediction) FROM parquet.`" + parquet + "`");
    assertEquals(2, run.code(), run.err());
    assertEquals(List.of("error: mse(label, prediction): bad row at partition 0, row 7 (label = 7.0, prediction = NULL): prediction is null"
        + " (1 bad row in all: {null_prediction=1}); filter such rows out in WHERE, or add 'bad_rows=skip' to the call to skip and count them"),
        run.err().strip().lines().toList());
    assertFalse(Files.exists(work.resolve("spark-warehouse")), "no spark-warehouse folder in the working directory");
  }

  @Test
  void badQueriesExitTwoWithOneLine() {
    for (String[] args : List.of(new String[] {"sql", "SELEC 1"}, new String[] {"sql", "SELECT mse(a, b) FROM nowhere"},
        new String[] {"sql"}, new String[] {"sql", "--view", "nope", "SELECT 1"},
        new String[] {"sql", "--view", "p=" + csv, "SELECT mse(label, IF(w < 0.5, NULL, prediction)) FROM p"},
        new String[] {"sql", "--max-rows", "3", "--view", "p=" + csv, "SELECT label FROM p"})) {
      Cli.Run run = Cli.run(args);
      assertEquals(2, run.code(), String.join(" ", args) + ": " + run.err());
      assertEquals(1, run.err().strip().lines().count(), run.err());
      assertTrue(run.err().startsWith("error: "), run.err());
    }
    assertTrue(Cli.run("sql", "--max-rows", "3", "--view", "p=" + csv, "SELECT label FROM p").err()
        .contains("the result has more than 3 rows; aggregate further, add LIMIT, or raise --max-rows"));
  }
}
