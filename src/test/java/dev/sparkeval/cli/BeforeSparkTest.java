package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever can be checked without data is checked before Spark starts: specs and their
 * parameters, option combinations, gates, the output folder, the input path (missing, empty,
 * damaged), model and checkpoint files. Each case runs with a session supplier that fails the
 * test if called, and must exit 2 with one line.
 */
class BeforeSparkTest {
  @TempDir static Path dir;
  static String good;
  static String empty;
  static String emptyFolder;
  static String zeroPart;

  @BeforeAll
  static void files() throws Exception {
    good = Files.writeString(dir.resolve("good.csv"), "label,prediction,segment\n1,1.5,a\n2,2.5,b\n").toString();
    empty = Files.writeString(dir.resolve("empty.csv"), "").toString();
    emptyFolder = Files.createDirectories(dir.resolve("nothing.parquet")).toString();
    Path z = Files.createDirectories(dir.resolve("zero.parquet"));
    Files.writeString(z.resolve("_SUCCESS"), "");
    Files.writeString(z.resolve("part-00000-abc.snappy.parquet"), "");
    zeroPart = z.toString();
  }

  static void refused(List<String> fragments, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> a = new ArrayList<>(List.of(args));
    if (!a.contains("--out")) a.addAll(List.of("--out", dir.resolve("out-" + System.nanoTime()).toString()));
    int code = Main.run(a.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), () -> {
          throw new AssertionError("Spark was started before the input was refused: " + String.join(" ", a));
        });
    String e = err.toString(StandardCharsets.UTF_8).strip();
    assertEquals(2, code, e);
    assertEquals(1, e.lines().count(), e);
    assertTrue(e.startsWith("error: "), e);
    for (String f : fragments) assertTrue(e.contains(f), "'" + f + "' in: " + e);
  }

  static void evaluate(List<String> fragments, String... more) {
    List<String> a = new ArrayList<>(List.of("evaluate", "--input", good, "--task", "regression"));
    a.addAll(List.of(more));
    refused(fragments, a.toArray(new String[0]));
  }

  @Test
  void specsParametersAndCombinations() {
    evaluate(List.of("unknown loss or metric 'nope'"), "--loss", "nope");
    evaluate(List.of("huber: delta must be in (0, inf), got -1"), "--loss", "huber:delta=-1");
    evaluate(List.of("'r2' does not apply to task binary"), "--task", "binary", "--metric", "r2");
    evaluate(List.of("--logits does not apply to task regression"), "--logits");
    evaluate(List.of("--class-weights does not apply to task binary"), "--task", "binary", "--class-weights", "1,2");
    evaluate(List.of("--threshold must be strictly between 0 and 1"), "--task", "binary", "--threshold", "1.5");
    evaluate(List.of("--bootstrap must be between 2 and 10000"), "--bootstrap", "1");
    evaluate(List.of("--bad-rows must be fail or skip"), "--bad-rows", "maybe");
  }

  @Test
  void gatesAndTheSliceMetricMustNameComputedValues() {
    evaluate(List.of("--gate 'mse<=1' names 'mse', which is not computed"), "--loss", "mae", "--gate", "mse<=1");
    evaluate(List.of("--gate 'mse=1' must read SPEC>=X or SPEC<=X"), "--gate", "mse=1");
    evaluate(List.of("--slice-metric 'r2' is not computed"), "--loss", "mae", "--slice", "segment", "--slice-metric", "r2");
  }

  @Test
  void outputFolderAndInputPaths() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    evaluate(List.of("cannot be created", "is not a folder"), "--out", file.resolve("sub").toString());
    refused(List.of("--input '" + dir.resolve("missing.csv") + "' does not exist"),
        "evaluate", "--input", dir.resolve("missing.csv").toString(), "--task", "regression");
    refused(List.of("cannot tell the format of --input"), "evaluate", "--input", file.toString(), "--task", "regression");
  }

  @Test
  void emptyAndDamagedInputsOfEveryCommand() throws Exception {
    refused(List.of("--input '" + empty + "' is empty (0 bytes)"), "evaluate", "--input", empty, "--task", "regression");
    refused(List.of("--input '" + emptyFolder + "' is an empty folder"), "evaluate", "--input", emptyFolder, "--task", "regression");
    refused(List.of("--input '" + zeroPart + "' is corrupt: its file 'part-00000-abc.snappy.parquet' is empty (0 bytes)",
        "remove it or write the table again"), "evaluate", "--input", zeroPart, "--task", "regression");
    refused(List.of("--train '" + empty + "' is empty"), "train", "--train", empty);
    refused(List.of("--validation '" + zeroPart + "' is corrupt"), "train", "--train", good, "--validation", zeroPart);
    refused(List.of("--view '" + emptyFolder + "' is an empty folder"), "sql", "--view", "p=" + emptyFolder, "SELECT 1");
    Path model = dir.resolve("model.json");
    Files.writeString(model, "{\"format\": \"sparkeval-model\", \"version\": 1, \"model\": \"linear\", \"task\": \"regression\"}");
    refused(List.of("--model '" + model + "'", "field 'features' must be a list of feature columns", "missing"),
        "predict", "--model", model.toString(), "--input", good, "--out", dir.resolve("p.parquet").toString());
    Path linear = dir.resolve("linear.json");
    Files.writeString(linear, "{\"format\": \"sparkeval-model\", \"version\": 1, \"model\": \"linear\", \"task\": \"regression\","
        + " \"loss\": \"mse\", \"features\": [\"prediction\"], \"features_column\": null, \"label\": \"label\", \"classes\": 1,"
        + " \"sizes\": [1, 1], \"activation\": \"relu\", \"layers\": [{\"weights\": [[2.0]], \"bias\": [1.0]}]}");
    refused(List.of("--input '" + zeroPart + "' is corrupt"),
        "predict", "--model", linear.toString(), "--input", zeroPart, "--out", dir.resolve("p.parquet").toString());
    refused(List.of("--input '" + empty + "' is empty"),
        "predict", "--model", linear.toString(), "--input", empty, "--out", dir.resolve("p.csv").toString());
  }

  @Test
  void trainingOptionsAndCheckpoints() throws Exception {
    refused(List.of("--batch-size must be >= 1"), "train", "--train", good, "--batch-size", "0");
    refused(List.of("--loss accuracy is a metric"), "train", "--train", good, "--model", "logistic", "--loss", "accuracy");
    refused(List.of("unknown --model 'lineer'"), "train", "--train", good, "--model", "lineer");
    refused(List.of("--iteration-mode must be job or barrier"), "train", "--train", good, "--iteration-mode", "x");
    refused(List.of("--early-stopping", "patience"), "train", "--train", good, "--early-stopping", "patience=0");
    refused(List.of("--validation-fraction must be strictly between 0 and 1"), "train", "--train", good,
        "--validation-fraction", "2");
    Path ck = Files.createDirectories(dir.resolve("ck"));
    Files.writeString(ck.resolve("checkpoint.json"), "{\"format\": \"sparkeval-checkpoint\", \"version\": 1,"
        + " \"fingerprint\": {}, \"epoch\": -7}");
    refused(List.of("--resume: checkpoint " + ck.resolve("checkpoint.json"), "field 'epoch' must be a whole number in [0, "),
        "train", "--train", good, "--checkpoint", ck.toString(), "--resume");
  }

  @Test
  void predictAndGenerateOutputs() throws Exception {
    refused(List.of("--task", "regresion"), "generate", "--task", "regresion", "--out", dir.resolve("g.parquet").toString());
    refused(List.of("--out", "ends in '.txt'"), "generate", "--task", "binary", "--out", dir.resolve("g.txt").toString());
    refused(List.of("--format csv but --out '" + dir.resolve("g.parquet") + "' names parquet; make them agree"),
        "generate", "--task", "binary", "--format", "csv", "--out", dir.resolve("g.parquet").toString());
  }
}
