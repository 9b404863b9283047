package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.testkit.BadInput;
import dev.sparkeval.testkit.Cli;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** evaluate --ignore-index: rows_ignored in report.json (overall and per slice), the summary, and its bad inputs. */
class IgnoreIndexCommandTest {
  @TempDir static Path dir;

  static final String PADDED = """
      {"label": 0, "probability": [0.7, 0.2, 0.1], "segment": "a"}
      {"label": -100, "probability": [0.3, 0.3, 0.4], "segment": "a"}
      {"label": 2, "probability": [0.2, 0.2, 0.6], "segment": "b"}
      {"label": 1, "probability": [0.1, 0.8, 0.1], "segment": "b"}
      {"label": -100, "probability": [0.5, 0.4, 0.1], "segment": "b"}
      {"label": -100, "probability": [0.5, 0.4, 0.1], "segment": "c"}
      """;

  @Test
  void reportCountsIgnoredRowsOverallAndPerSlice() throws Exception {
    String f = BadInput.write(dir, "padded.jsonl", PADDED);
    Path out = dir.resolve("out");
    Cli.Run run = Cli.run("evaluate", "--input", f, "--task", "multiclass", "--ignore-index", "-100", "--slice", "segment",
        "--loss", "cross_entropy", "--metric", "accuracy", "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("6 rows, 3 used, 3 ignored (label -100)"), run.out());
    JsonNode r = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertEquals(6, r.get("rows").asLong());
    assertEquals(3, r.get("rows_used").asLong());
    assertEquals(3, r.get("rows_ignored").asLong());
    assertEquals(1.0, r.get("metrics").get("accuracy").asDouble());
    JsonNode slices = r.get("slices");
    assertEquals(3, slices.size(), "a slice of ignored rows alone is still listed");
    assertEquals(List.of(1L, 1L, 1L), List.of(slices.get(0).get("rows_ignored").asLong(), slices.get(1).get("rows_ignored").asLong(),
        slices.get(2).get("rows_ignored").asLong()));
    assertEquals(0, slices.get(2).get("rows").asLong());
    assertTrue(slices.get(2).get("metrics").get("accuracy").isNull());
    String html = java.nio.file.Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("3 used, 3 ignored"), "the page says so too");

    Path plain = dir.resolve("plain");
    String g = BadInput.write(dir, "clean.jsonl", "{\"label\": 0, \"probability\": [0.7, 0.3]}\n");
    assertEquals(0, Cli.run("evaluate", "--input", g, "--task", "multiclass", "--out", plain.toString()).code());
    assertFalse(new ObjectMapper().readTree(plain.resolve("report.json").toFile()).has("rows_ignored"),
        "no rows_ignored key without --ignore-index");
  }

  @Test
  void badInputs() throws Exception {
    String f = BadInput.write(dir, "pad.jsonl", PADDED);
    BadInput.expect(dir, List.of("row 1", "label is -100.0", "class indices 0..2", "pass --ignore-index -100"),
        List.of("evaluate", "--input", f, "--task", "multiclass", "--partitions", "1"));
    String b = BadInput.write(dir, "bin.csv", "label,probability\n1,0.5\n-100,0.5\n");
    BadInput.expect(dir, List.of("label is -100.0", "binary labels must be 0 or 1", "pass --ignore-index -100"),
        List.of("evaluate", "--input", b, "--task", "binary"));
    String m = BadInput.write(dir, "ml.jsonl", "{\"label\": [1, -100], \"probability\": [0.2, 0.3]}\n");
    BadInput.expect(dir, List.of("label element 1 is -100.0", "pass --ignore-index -100"),
        List.of("evaluate", "--input", m, "--task", "multilabel"));
    BadInput.expect(dir, List.of("--ignore-index does not apply with label sets", "leave the padding id out of the sets"),
        List.of("evaluate", "--input", m, "--task", "multilabel", "--label-sets", "--ignore-index", "-100"));
    String r = BadInput.write(dir, "reg.csv", "label,prediction\n1,0.5\n");
    BadInput.expect(dir, List.of("--ignore-index applies to the labels of binary, multiclass and multilabel tasks, not regression"),
        List.of("evaluate", "--input", r, "--task", "regression", "--ignore-index", "-100"));
    String all = BadInput.write(dir, "all.csv", "label,probability\n-100,0.5\n-100,0.5\n");
    BadInput.expect(dir, List.of("every row (2) is left out: 2 by --ignore-index -100", "nothing is left to evaluate"),
        List.of("evaluate", "--input", all, "--task", "binary", "--ignore-index", "-100"));
    BadInput.expect(dir, List.of("--ignore-index", "\"x\""), List.of("evaluate", "--input", r, "--task", "binary", "--ignore-index", "x"));
  }
}
