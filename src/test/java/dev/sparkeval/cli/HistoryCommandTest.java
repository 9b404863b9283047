package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.report.HistoryRow;
import dev.sparkeval.spark.History;
import dev.sparkeval.testkit.BadInput;
import dev.sparkeval.testkit.BinaryTables;
import dev.sparkeval.testkit.Cli;
import dev.sparkeval.testkit.SparkTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * evaluate --history / --history-table and the history command: two runs make a readable table, the
 * trend report is written, a run's rows appear all or none even when runs append at once.
 */
class HistoryCommandTest {
  @TempDir static Path dir;
  static String week1;
  static String week2;

  @BeforeAll
  static void tables() {
    week1 = BinaryTables.write(dir, "week1.parquet", 1.0, 1);
    week2 = BinaryTables.write(dir, "week2.parquet", 1.4, 2);
  }

  static Cli.Run evaluate(String input, String out, String... more) {
    List<String> a = new ArrayList<>(List.of("evaluate", "--input", input, "--task", "binary", "--metric", "auc_roc",
        "--metric", "accuracy", "--slice", "segment", "--bootstrap", "20", "--gate", "accuracy>=0.6", "--out", out));
    a.addAll(List.of(more));
    return Cli.run(a.toArray(new String[0]));
  }

  @Test
  void twoRunsMakeAReadableHistoryAndATrendReport() throws Exception {
    String hist = dir.resolve("history").toString();
    assertEquals(0, evaluate(week1, dir.resolve("r1").toString(), "--history", hist, "--reference", week1).code());
    Cli.Run second = evaluate(week2, dir.resolve("r2").toString(), "--history", hist, "--reference", week1);
    assertEquals(0, second.code(), second.err());
    assertTrue(second.out().contains("rows appended to " + hist), second.out());
    SparkSession spark = SparkTests.spark();
    Dataset<Row> t = spark.read().parquet(hist);
    assertEquals(List.of("run_id", "run_time", "input", "task", "slice", "name", "value", "low", "high", "rows", "gate_min",
        "gate_max"), List.of(t.schema().fieldNames()));
    assertEquals(2, t.select("run_id").distinct().count());
    // per run: (overall + 2 slices) x (2 metrics + 4 drift statistics)
    assertEquals(2 * 3 * 6, t.count());
    Row acc = t.where("slice is null and name = 'accuracy' and input = '" + week2 + "'").first();
    JsonNode r2 = new ObjectMapper().readTree(dir.resolve("r2/report.json").toFile());
    assertEquals(r2.get("metrics").get("accuracy").asDouble(), acc.<Double>getAs("value"));
    assertEquals(r2.get("intervals").get("accuracy").get(0).asDouble(), acc.<Double>getAs("low"));
    assertEquals(0.6, acc.<Double>getAs("gate_min"));
    assertEquals(1, t.where("slice = '{\"segment\":\"app\"}' and name = 'auc_roc' and input = '" + week2 + "'").count());
    assertEquals(Set.of(), Files.list(Path.of(hist, "_staging")).collect(Collectors.toSet()), "no staging left behind");

    Path out = dir.resolve("trend");
    Cli.Run h = Cli.run("history", "--history", hist, "--gate", "auc_roc>=0.7", "--out", out.toString());
    assertEquals(0, h.code(), h.err());
    assertTrue(h.out().contains("2 runs"), h.out());
    JsonNode trend = new ObjectMapper().readTree(out.resolve("trend.json").toFile());
    assertEquals(2, trend.get("runs").size());
    assertEquals(18, trend.get("series").size());
    JsonNode first = trend.get("series").get(0);
    assertEquals(2, first.get("points").size());
    String html = Files.readString(out.resolve("trend.html"));
    assertEquals(18, html.split("<figure>", -1).length - 1, "a chart per value and slice");
    assertTrue(html.contains("segment = app"));
  }

  @Test
  void aCatalogTableKeepsTheHistoryToo() throws Exception {
    SparkSession spark = SparkTests.spark();
    Path loc = Files.createDirectories(dir.resolve("external-history"));
    spark.sql("CREATE TABLE hist_external (run_id STRING, run_time TIMESTAMP, input STRING, task STRING, slice STRING, name STRING,"
        + " value DOUBLE, low DOUBLE, high DOUBLE, rows BIGINT, gate_min DOUBLE, gate_max DOUBLE) USING parquet LOCATION '"
        + loc.toUri() + "'");
    try {
      assertEquals(0, evaluate(week1, dir.resolve("t1").toString(), "--history-table", "hist_external").code());
      assertEquals(0, evaluate(week2, dir.resolve("t2").toString(), "--history-table", "hist_external").code());
      assertEquals(2, spark.table("hist_external").select("run_id").distinct().count());
      Cli.Run h = Cli.run("history", "--history-table", "hist_external", "--name", "auc_roc", "--out", dir.resolve("trend-t").toString());
      assertEquals(0, h.code(), h.err());
      assertTrue(h.out().contains("2 runs, 3 series"), h.out());
    } finally {
      spark.sql("DROP TABLE IF EXISTS hist_external");
    }
    try {
      assertEquals(0, evaluate(week1, dir.resolve("m1").toString(), "--history-table", "hist_managed").code());
      assertEquals(0, evaluate(week2, dir.resolve("m2").toString(), "--history-table", "hist_managed").code());
      assertEquals(2, spark.table("hist_managed").select("run_id").distinct().count(), "created by the first run, appended by the second");
    } finally {
      spark.sql("DROP TABLE IF EXISTS hist_managed");
    }
  }

  static List<HistoryRow> run(String id, int values) {
    List<HistoryRow> rows = new ArrayList<>();
    Instant t = Instant.now();
    for (int i = 0; i < values; i++) rows.add(new HistoryRow(id, t, "in", "binary", null, "v" + i, (double) i, null, null, 10, null, null));
    return rows;
  }

  @Test
  void concurrentRunsAppendWholeAndAStagedRunIsInvisible() throws Exception {
    String hist = dir.resolve("concurrent").toString();
    SparkSession spark = SparkTests.spark();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int k = 0; k < 6; k++) {
        String id = "run-" + k;
        done.add(pool.submit(() -> {
          History.appendToFolder(spark, run(id, 50), hist);
          return null;
        }));
      }
      for (Future<?> f : done) f.get();
    } finally {
      pool.shutdown();
    }
    // a run that died while writing leaves its file under _staging, which readers do not see
    Path staged = Files.createDirectories(Path.of(hist, "_staging", "dead-run"));
    spark.createDataFrame(List.of(), History.SCHEMA).write().mode("overwrite").parquet(staged.toString());
    Dataset<Row> t = spark.read().parquet(hist);
    assertEquals(6, t.select("run_id").distinct().count());
    for (Row r : t.groupBy("run_id").count().collectAsList()) assertEquals(50L, r.getLong(1), r.getString(0));
  }

  @Test
  void badHistoryInputsAreRefused() throws Exception {
    String file = BadInput.write(dir, "not-a-folder.txt", "x");
    BadInput.expect(dir, List.of("--history '" + file + "' is not a folder"), List.of("history", "--history", file));
    BadInput.expect(dir, List.of("give exactly one of --history PATH or --history-table NAME"), List.of("history"));
    BadInput.expect(dir, List.of("--history-table 'no_such_table' is not a table in the catalog"),
        List.of("history", "--history-table", "no_such_table"));
    BadInput.expect(dir, List.of("--history '" + file + "' is a file"),
        List.of("evaluate", "--input", week1, "--task", "binary", "--history", file));
    BadInput.expect(dir, List.of("give one of --history PATH or --history-table NAME, not both"),
        List.of("evaluate", "--input", week1, "--task", "binary", "--history", "a", "--history-table", "b"));
    String other = dir.resolve("other.parquet").toString();
    SparkTests.spark().range(3).write().parquet(other);
    BadInput.expect(dir, List.of("is not a sparkeval history: it has no column 'run_id'"), List.of("history", "--history", other));
    BadInput.expect(dir, List.of("a trend line needs a fixed bound"),
        List.of("history", "--history", other, "--gate", "auc_roc>=baseline"));
  }
}
