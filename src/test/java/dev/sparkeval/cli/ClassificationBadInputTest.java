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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad classification input: exit 2 with one line naming the row and the expected range; AUC of one class is undefined. */
class ClassificationBadInputTest {
  @TempDir static Path dir;

  static String write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  static void bad(List<String> fragments, String... args) {
    BadInput.expect(dir, fragments, List.of(args));
  }

  @Test
  void binaryLabelAndProbabilityOutOfRange() throws Exception {
    String f = write("lab.csv", "label,probability\n1,0.5\n2,0.5\n");
    bad(List.of("row 1", "label is 2.0", "binary labels must be 0 or 1"), "evaluate", "--input", f, "--task", "binary");
    String g = write("prob.csv", "label,probability\n1,0.5\n0,1.25\n");
    bad(List.of("row 1", "prediction is 1.25", "must be in [0, 1]", "--logits"), "evaluate", "--input", g, "--task", "binary");
    String h = write("vec3.jsonl", "{\"label\": 1, \"probability\": [0.2, 0.3, 0.5]}\n");
    bad(List.of("3 elements", "2-element vector"), "evaluate", "--input", h, "--task", "binary");
  }

  @Test
  void multiclassLabelRangeSumsAndLengths() throws Exception {
    String f = write("mc.jsonl", "{\"label\": 0, \"probability\": [0.2, 0.3, 0.5]}\n{\"label\": 3, \"probability\": [0.2, 0.3, 0.5]}\n");
    bad(List.of("row 1", "label is 3.0", "class indices 0..2"), "evaluate", "--input", f, "--task", "multiclass");
    String g = write("sum.jsonl", "{\"label\": 0, \"probability\": [0.2, 0.3, 0.6]}\n");
    bad(List.of("row 0", "sums to 1.1", "within 1e-6"), "evaluate", "--input", g, "--task", "multiclass");
    String h = write("len.jsonl", "{\"label\": 0, \"probability\": [0.2, 0.3, 0.5]}\n{\"label\": 0, \"probability\": [0.2, 0.3, 0.4, 0.1]}\n");
    bad(List.of("row 1", "4 elements but earlier rows have 3"), "evaluate", "--input", h, "--task", "multiclass", "--partitions", "1");
    bad(List.of("--class-weights gives 2 weights", "3 classes"),
        "evaluate", "--input", f, "--task", "multiclass", "--class-weights", "1,2");
    bad(List.of("average=binary does not apply to task multiclass", "average=macro"),
        "evaluate", "--input", f, "--task", "multiclass", "--metric", "f1:average=binary");
  }

  @Test
  void multilabelShapes() throws Exception {
    String f = write("ml.jsonl", "{\"label\": [1, 0], \"probability\": [0.2, 0.3, 0.5]}\n");
    bad(List.of("label vector has 2 elements but prediction has 3"), "evaluate", "--input", f, "--task", "multilabel");
    String g = write("ml2.jsonl", "{\"label\": [1, 2], \"probability\": [0.2, 0.3]}\n");
    bad(List.of("label element 1 is 2.0", "must be 0 or 1"), "evaluate", "--input", g, "--task", "multilabel");
  }

  @Test
  void optionsThatDoNotApply() throws Exception {
    String f = write("ok.csv", "label,probability\n1,0.5\n0,0.25\n");
    bad(List.of("pos_weight needs --logits"), "evaluate", "--input", f, "--task", "binary", "--loss", "bce:pos_weight=2");
    bad(List.of("--class-weights does not apply to task binary"), "evaluate", "--input", f, "--task", "binary",
        "--class-weights", "1,2");
  }

  @Test
  void newMetricOptionsAndDecisionLayouts() throws Exception {
    String f = write("ok3.jsonl", "{\"label\": 0, \"probability\": [0.2, 0.3, 0.5]}\n{\"label\": 1, \"probability\": [0.2, 0.5, 0.3]}\n");
    bad(List.of("auc_roc: multi_class=ovo is for task multiclass"), "evaluate", "--input", write("b.csv", "label,probability\n1,0.5\n"),
        "--task", "binary", "--metric", "auc_roc:multi_class=ovo");
    bad(List.of("auc_roc: bins applies to one-vs-rest and per-label AUC", "drop bins for average=micro"), "evaluate", "--input", f,
        "--task", "multiclass", "--metric", "auc_roc:average=micro,bins=64");
    bad(List.of("auc_roc: average=samples is for task multilabel"), "evaluate", "--input", f, "--task", "multiclass",
        "--metric", "auc_roc:average=samples");
    bad(List.of("hamming_loss: labels=in_truth is for task multilabel"), "evaluate", "--input", f, "--task", "multiclass",
        "--metric", "hamming_loss:labels=in_truth");
    bad(List.of("log_loss: eps must be in (0, 0.5), got 0.7"), "evaluate", "--input", f, "--task", "multiclass",
        "--metric", "log_loss:eps=0.7");
    bad(List.of("cohen_kappa: weights must be one of [none, linear, quadratic]"), "evaluate", "--input", f, "--task", "multiclass",
        "--metric", "cohen_kappa:weights=cubic");
    String d = write("decided.csv", "label,prediction\n0,1\n2,2\n");
    bad(List.of("log_loss needs scores, but --prediction column 'prediction' holds class indices"), "evaluate", "--input", d,
        "--task", "multiclass", "--prediction", "prediction", "--metric", "accuracy", "--metric", "log_loss");
    bad(List.of("--label-sets is for task multilabel"), "evaluate", "--input", f, "--task", "multiclass", "--label-sets");
  }

  @Test
  void bootstrapGivesExactAucAnIntervalFromItsSortJob() throws Exception {
    StringBuilder b = new StringBuilder("label,probability\n");
    java.util.Random r = new java.util.Random(4);
    for (int i = 0; i < 200; i++) b.append(i % 2).append(',').append(Math.min(0.99, Math.max(0.01, 0.3 + 0.4 * (i % 2) + 0.2 * r.nextGaussian()))).append('\n');
    String f = write("boot.csv", b.toString());
    java.nio.file.Path out = dir.resolve("boot-out");
    dev.sparkeval.testkit.Cli.Run run = dev.sparkeval.testkit.Cli.run("evaluate", "--input", f, "--task", "binary",
        "--metric", "accuracy", "--metric", "auc_roc", "--metric", "auc_roc:bins=512", "--bootstrap", "30", "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    var iv = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("report.json").toFile()).get("intervals");
    assertEquals(2, iv.get("auc_roc").size(), iv.toString());
    assertTrue(iv.get("auc_roc").get(0).asDouble() < iv.get("auc_roc").get(1).asDouble(), iv.toString());
    assertEquals(2, iv.get("auc_roc:bins=512").size(), iv.toString());
    assertEquals(2, iv.get("accuracy").size(), iv.toString());
  }

  @Test
  void aucOfOneClassIsUndefinedWithTheReason() throws Exception {
    String f = write("one.csv", "label,probability\n0,0.5\n0,0.25\n0,0.4\n");
    Path out = dir.resolve("one");
    Cli.Run run = Cli.run("evaluate", "--input", f, "--task", "binary", "--metric", "auc_roc", "--metric", "precision",
        "--metric", "auc_roc:bins=10", "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    JsonNode r = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertTrue(r.get("metrics").get("auc_roc").isNull());
    assertTrue(r.get("undefined").get("auc_roc").asText().contains("only one class"), r.toString());
    assertTrue(r.get("undefined").get("auc_roc:bins=10").asText().contains("no positive"), r.toString());
    // precision 0/0 -> zero_division: the value is 0 and the reason is listed
    assertEquals(0.0, r.get("metrics").get("precision").asDouble());
    assertTrue(r.get("undefined").get("precision").asText().contains("zero_division=0"), r.toString());
    assertEquals("[[3,0],[0,0]]", r.get("confusion_matrix").get("counts").toString());
  }
}
