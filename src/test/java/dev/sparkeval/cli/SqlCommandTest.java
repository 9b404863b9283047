package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.testkit.Cli;
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
  void badQueriesExitTwoWithOneLine() {
    for (String[] args : List.of(new String[] {"sql", "SELEC 1"}, new String[] {"sql", "SELECT mse(a, b) FROM nowhere"},
        new String[] {"sql"}, new String[] {"sql", "--view", "nope", "SELECT 1"},
        new String[] {"sql", "--view", "p=" + csv, "SELECT mse(label, IF(w < 0.5, NULL, prediction)) FROM p"})) {
      Cli.Run run = Cli.run(args);
      assertEquals(2, run.code(), String.join(" ", args) + ": " + run.err());
      assertEquals(1, run.err().strip().lines().count(), run.err());
      assertTrue(run.err().startsWith("error: "), run.err());
    }
  }
}
