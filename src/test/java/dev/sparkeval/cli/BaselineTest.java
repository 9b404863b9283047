package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparkeval.testkit.BadInput;
import dev.sparkeval.testkit.BinaryTables;
import dev.sparkeval.testkit.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * evaluate --baseline: the baseline block overall and per slice, change intervals with bootstrap,
 * gates relative to the baseline and absolute in both directions, refusals of a baseline computed
 * with other settings or lacking a gated value, old reports, unreadable baselines.
 */
class BaselineTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static String good;
  static String worse;
  static Path base;

  static String table(String name, double noise, long seed) {
    return BinaryTables.write(dir, name, noise, seed);
  }

  @BeforeAll
  static void runs() {
    good = table("good.parquet", 1.0, 1);
    worse = table("worse.parquet", 1.6, 2);
    base = dir.resolve("base");
    Cli.Run a = evaluate(base, good, "--bootstrap", "30");
    assertEquals(0, a.code(), a.err());
  }

  static Cli.Run evaluate(Path out, String input, String... more) {
    List<String> args = new ArrayList<>(List.of("evaluate", "--input", input, "--task", "binary", "--metric", "auc_roc",
        "--metric", "accuracy", "--loss", "log_loss", "--slice", "segment", "--out", out.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(new String[0]));
  }

  static JsonNode report(Path out) throws Exception {
    return JSON.readTree(out.resolve("report.json").toFile());
  }

  @Test
  void theBaselineBlockHoldsItsValuesTheChangeAndWhetherItIsSignificant() throws Exception {
    Path out = dir.resolve("compared");
    Cli.Run b = evaluate(out, worse, "--bootstrap", "30", "--baseline", base.toString());
    assertEquals(0, b.code(), b.err());
    JsonNode was = report(base);
    JsonNode now = report(out);
    JsonNode bl = now.get("baseline");
    assertEquals(base.resolve("report.json").toString(), bl.get("source").asText());
    assertEquals(was.get("metrics").get("auc_roc").asDouble(), bl.get("metrics").get("auc_roc").asDouble());
    assertEquals(was.get("losses").get("log_loss").asDouble(), bl.get("losses").get("log_loss").asDouble());
    double change = now.get("metrics").get("auc_roc").asDouble() - was.get("metrics").get("auc_roc").asDouble();
    assertEquals(change, bl.get("change").get("auc_roc").asDouble());
    assertTrue(change < -0.03, "the noisier model ranks worse: " + change);
    // exact AUC's interval comes from its sort job; log_loss has one in both runs
    JsonNode ia = bl.get("change_intervals").get("auc_roc");
    assertTrue(ia.get(0).asDouble() < change && change < ia.get(1).asDouble(), ia.toString());
    JsonNode iv = bl.get("change_intervals").get("log_loss");
    double dl = bl.get("change").get("log_loss").asDouble();
    assertTrue(iv.get(0).asDouble() < dl && dl < iv.get(1).asDouble(), iv.toString());
    assertTrue(bl.get("significant").get("log_loss").asBoolean(), "a much worse log loss is a significant change");
    assertTrue(bl.get("interval_method").asText().contains("MOVER"), bl.toString());
    for (JsonNode s : now.get("slices")) {
      JsonNode sb = s.get("baseline");
      String seg = s.get("slice").get("segment").asText();
      JsonNode wasSlice = null;
      for (JsonNode x : was.get("slices")) if (x.get("slice").get("segment").asText().equals(seg)) wasSlice = x;
      assertEquals(wasSlice.get("metrics").get("accuracy").asDouble(), sb.get("metrics").get("accuracy").asDouble(), seg);
      assertEquals(s.get("metrics").get("accuracy").asDouble() - wasSlice.get("metrics").get("accuracy").asDouble(),
          sb.get("change").get("accuracy").asDouble(), seg);
    }
    assertTrue(b.out().contains("baseline " + base.resolve("report.json")) && b.out().contains("(significant)"), b.out());
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("baseline") && html.contains("significant"), "report.html shows the comparison");
  }

  @Test
  void withoutBootstrapInTheBaselineTheBaselineValueIsTakenAsFixed() throws Exception {
    Path plain = dir.resolve("plain-base");
    assertEquals(0, evaluate(plain, good).code());
    Path out = dir.resolve("fixed");
    assertEquals(0, evaluate(out, worse, "--bootstrap", "30", "--baseline", plain.toString()).code());
    JsonNode bl = report(out).get("baseline");
    assertTrue(bl.get("interval_method").asText().contains("fixed"), bl.toString());
    JsonNode now = report(out);
    double b = bl.get("losses").get("log_loss").asDouble();
    assertEquals(now.get("intervals").get("log_loss").get(0).asDouble() - b, bl.get("change_intervals").get("log_loss").get(0).asDouble());
    Path none = dir.resolve("no-intervals");
    assertEquals(0, evaluate(none, worse, "--baseline", plain.toString()).code());
    assertFalse(report(none).get("baseline").has("significant"), "no intervals: nothing said about significance");
  }

  @Test
  void gatesHoldAndBreakInBothDirectionsRelativeAndAbsolute() throws Exception {
    JsonNode was = report(base);
    double auc = was.get("metrics").get("auc_roc").asDouble();
    double loss = was.get("losses").get("log_loss").asDouble();
    String[][] cases = {
        {"auc_roc>=baseline-0.01", "3"}, {"auc_roc>=baseline-0.5", "0"},
        {"log_loss<=baseline*1.05", "3"}, {"log_loss<=baseline*3", "0"},
        {"auc_roc>=0.99", "3"}, {"auc_roc>=0.5", "0"},
        {"log_loss<=0.01", "3"}, {"log_loss<=5", "0"},
        {"auc_roc<=baseline", "0"}, {"log_loss>=baseline+0.001", "0"},
    };
    for (String[] c : cases) {
      Path out = dir.resolve("gate-" + Math.abs(c[0].hashCode()));
      Cli.Run run = evaluate(out, worse, "--baseline", base.toString(), "--gate", c[0]);
      assertEquals(Integer.parseInt(c[1]), run.code(), c[0] + ": " + run.err() + run.out());
      JsonNode g = report(out).get("gates").get(0);
      assertEquals(c[1].equals("0"), g.get("passed").asBoolean(), c[0]);
      double expected = switch (c[0]) {
        case "auc_roc>=baseline-0.01" -> auc - 0.01;
        case "auc_roc>=baseline-0.5" -> auc - 0.5;
        case "log_loss<=baseline*1.05" -> loss * 1.05;
        case "log_loss<=baseline*3" -> loss * 3;
        case "auc_roc<=baseline" -> auc;
        case "log_loss>=baseline+0.001" -> loss + 0.001;
        default -> Double.parseDouble(c[0].split("[<>]=")[1]);
      };
      assertEquals(expected, g.get("bound").asDouble(), c[0]);
      if (c[1].equals("3")) assertTrue(run.err().contains("gate failed: " + c[0]), run.err());
    }
  }

  @Test
  void aGateOnABaselineValueThatIsMissingIsABadInput() throws Exception {
    BadInput.expect(dir, List.of("--gate 'brier<=baseline'", "the baseline did not compute 'brier'"),
        List.of("evaluate", "--input", worse, "--task", "binary", "--metric", "brier", "--baseline", base.toString(),
            "--gate", "brier<=baseline"));
    BadInput.expect(dir, List.of("--gate 'auc_roc>=baseline-0.01' compares with the baseline", "--baseline PATH"),
        List.of("evaluate", "--input", worse, "--task", "binary", "--gate", "auc_roc>=baseline-0.01"));
    BadInput.expect(dir, List.of("after 'baseline' comes +X, -X or *X"),
        List.of("evaluate", "--input", worse, "--task", "binary", "--baseline", base.toString(), "--gate", "auc_roc>=baseline/2"));
    Path undefinedBase = dir.resolve("undefined-base");
    Files.createDirectories(undefinedBase);
    ObjectNode r = (ObjectNode) report(base);
    ((ObjectNode) r.get("metrics")).putNull("auc_roc");
    Files.writeString(undefinedBase.resolve("report.json"), JSON.writeValueAsString(r));
    BadInput.expect(dir, List.of("'auc_roc' is undefined in the baseline"),
        List.of("evaluate", "--input", worse, "--task", "binary", "--metric", "auc_roc", "--baseline", undefinedBase.toString(),
            "--gate", "auc_roc>=baseline"));
  }

  @Test
  void aBaselineComputedWithOtherSettingsIsRefusedNamingTheDifference() throws Exception {
    List<String> run = List.of("evaluate", "--input", worse, "--task", "binary", "--metric", "auc_roc", "--metric", "accuracy",
        "--loss", "log_loss", "--slice", "segment", "--baseline", base.toString());
    BadInput.expect(dir, List.of("was computed with --threshold 0.5, this run with 0.3"), concat(run, "--threshold", "0.3"));
    BadInput.expect(dir, List.of("was computed with --weight no weights, this run with w"), concat(run, "--weight", "w"));
    BadInput.expect(dir, List.of("was computed with --logits false, this run with true"), concat(run, "--logits"));
    BadInput.expect(dir, List.of("was computed with --task binary, this run with regression"),
        List.of("evaluate", "--input", worse, "--task", "regression", "--label", "label", "--prediction", "probability",
            "--baseline", base.toString()));
    Path otherSpec = dir.resolve("other-spec");
    Files.createDirectories(otherSpec);
    ObjectNode r = (ObjectNode) report(base);
    ((ObjectNode) r.get("settings").get("specs")).put("auc_roc", "auc_roc:bins=64");
    Files.writeString(otherSpec.resolve("report.json"), JSON.writeValueAsString(r));
    BadInput.expect(dir, List.of("computed 'auc_roc' as auc_roc:bins=64, this run as auc_roc:average=macro,multi_class=ovr,bins=0"),
        List.of("evaluate", "--input", worse, "--task", "binary", "--metric", "auc_roc", "--baseline", otherSpec.toString()));
  }

  @Test
  void anOldReportWithoutSettingsIsReadWithANote() throws Exception {
    Path old = dir.resolve("old");
    Files.createDirectories(old);
    ObjectNode r = (ObjectNode) report(base);
    r.remove("settings");
    Files.writeString(old.resolve("report.json"), JSON.writeValueAsString(r));
    Path out = dir.resolve("from-old");
    Cli.Run run = evaluate(out, worse, "--baseline", old.resolve("report.json").toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("warning: --baseline") && run.out().contains("predates recorded settings"), run.out());
    JsonNode bl = report(out).get("baseline");
    assertTrue(bl.get("note").asText().contains("only its task was checked"), bl.toString());
    assertEquals(r.get("metrics").get("auc_roc").asDouble(), bl.get("metrics").get("auc_roc").asDouble());
  }

  @Test
  void unreadableBaselinesAreRefused() throws Exception {
    List<String> run = List.of("evaluate", "--input", worse, "--task", "binary");
    BadInput.expect(dir, List.of("--baseline '" + dir.resolve("nowhere") + "' does not exist"), concat(run, "--baseline", dir.resolve("nowhere").toString()));
    Path empty = Files.createDirectories(dir.resolve("empty-folder"));
    BadInput.expect(dir, List.of("has no report.json"), concat(run, "--baseline", empty.toString()));
    String broken = BadInput.write(dir, "broken.json", "{\"task\": \"binary\", \"metrics\": {");
    BadInput.expect(dir, List.of("is not a readable report.json"), concat(run, "--baseline", broken));
    String other = BadInput.write(dir, "other.json", "{\"rows\": 3}");
    BadInput.expect(dir, List.of("is not a sparkeval report"), concat(run, "--baseline", other));
    String train = BadInput.write(dir, "train.json", "{\"command\": \"train\", \"task\": \"binary\", \"losses\": {}}");
    BadInput.expect(dir, List.of("is a train report"), concat(run, "--baseline", train));
  }

  static List<String> concat(List<String> a, String... b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(List.of(b));
    return out;
  }

  @Test
  void aSliceTheBaselineLacksSaysSo() throws Exception {
    Path out = dir.resolve("other-slices");
    assertEquals(0, Cli.run("evaluate", "--input", worse, "--task", "binary", "--metric", "auc_roc", "--slice", "w",
        "--baseline", base.toString(), "--out", out.toString()).code());
    for (JsonNode s : report(out).get("slices")) {
      assertEquals("the baseline has no such slice", s.get("baseline").get("note").asText());
      assertNull(s.get("baseline").get("metrics"));
    }
  }
}
