package dev.sparkeval.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.testkit.Cli;
import dev.sparkeval.testkit.SparkTests;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fluent Java API gives what the command line gives, and says what is missing. */
class EvaluationApiTest {
  @TempDir Path dir;

  @Test
  void fluentCallEqualsTheCommandLine() throws Exception {
    Dataset<Row> preds = SparkTests.spark().range(0, 500).selectExpr("CAST(id AS DOUBLE) / 7 AS y", "SIN(id) + id / 7 AS p",
        "1 + id % 3 AS w", "IF(id % 4 = 0, 'a', 'b') AS segment");
    String path = dir.resolve("p.parquet").toString();
    preds.write().parquet(path);
    Evaluation.Result r = Evaluation.of(SparkTests.spark().read().parquet(path)).task(Task.REGRESSION).label("y").prediction("p")
        .weight("w").loss("mse", "huber:delta=0.5").metric("r2").slice("segment").run();
    assertEquals(List.of("mse", "huber:delta=0.5", "r2"), List.copyOf(r.values().keySet()));
    assertEquals(2, r.slices().size());
    Path out = dir.resolve("cli");
    assertEquals(0, Cli.run("evaluate", "--input", path, "--task", "regression", "--label", "y", "--prediction", "p",
        "--weight", "w", "--loss", "mse", "--loss", "huber:delta=0.5", "--metric", "r2", "--slice", "segment",
        "--out", out.toString()).code());
    JsonNode rep = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertEquals(rep.get("losses").get("mse").asDouble(), r.value("mse"), 0.0);
    assertEquals(rep.get("losses").get("huber:delta=0.5").asDouble(), r.value("huber:delta=0.5"), 0.0);
    assertEquals(rep.get("metrics").get("r2").asDouble(), r.value("r2"), 0.0);
    assertEquals(rep.get("slices").get(1).get("losses").get("mse").asDouble(),
        r.slices().get(1).outcome().losses().get("mse").value(), 0.0);
  }

  @Test
  void defaultsAndMistakes() {
    Dataset<Row> preds = SparkTests.spark().range(0, 10).selectExpr("CAST(id AS DOUBLE) AS label", "id * 1.5 AS prediction");
    Evaluation.Result r = Evaluation.of(preds).task("regression").run();
    assertEquals(Task.REGRESSION.defaultLosses().size() + Task.REGRESSION.defaultMetrics().size(), r.values().size());
    UsageException noTask = assertThrows(UsageException.class, () -> Evaluation.of(preds).loss("mse").run());
    assertTrue(noTask.getMessage().contains("task is required"), noTask.getMessage());
    UsageException notComputed = assertThrows(UsageException.class, () -> r.value("mae:x=1"));
    assertTrue(notComputed.getMessage().contains("was not computed"), notComputed.getMessage());
  }
}
