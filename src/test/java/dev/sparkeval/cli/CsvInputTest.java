package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.testkit.Cli;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV is read as RFC 4180, the way Python's csv module, pandas and Excel write it: "" inside quoted
 * fields, commas and line breaks inside them, CRLF line ends (fixture and expected values from
 * tools/fixtures/rfc4180_csv.py). The label stays numeric and every slice value arrives intact.
 */
class CsvInputTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void pythonsCsvModuleOutputIsReadAsWritten() throws Exception {
    JsonNode expected = JSON.readTree(Path.of("src/test/resources/fixtures/rfc4180.json").toFile());
    Path out = dir.resolve("eval");
    Cli.Run r = Cli.run("evaluate", "--input", "src/test/resources/fixtures/rfc4180.csv", "--task", "regression",
        "--loss", "mse", "--slice", "segment", "--partitions", "3", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode rep = JSON.readTree(out.resolve("report.json").toFile());
    assertEquals(expected.get("rows").asLong(), rep.get("rows").asLong());
    assertEquals(expected.get("rows").asLong(), rep.get("rows_used").asLong(), "no row bad: the label is a number");
    Map<String, JsonNode> got = new HashMap<>();
    for (JsonNode s : rep.get("slices")) got.put(s.get("slice").get("segment").asText(), s);
    assertEquals(expected.get("slices").size(), got.size(), "slices: " + got.keySet());
    expected.get("slices").fields().forEachRemaining(e -> {
      JsonNode s = got.get(e.getKey());
      assertEquals(e.getValue().get("rows").asLong(), s == null ? -1 : s.get("rows").asLong(), "rows of " + e.getKey());
      double mse = e.getValue().get("mse").asDouble();
      assertEquals(mse, s.get("losses").get("mse").asDouble(), 1e-12 * mse, "mse of " + e.getKey());
    });
  }
}
