package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparkeval.testkit.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train and predict end to end on the bundled data, through the command line. */
class TrainCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;

  static Cli.Run ok(String... args) {
    Cli.Run r = Cli.run(args);
    assertEquals(0, r.code(), r.err() + r.out());
    return r;
  }

  static JsonNode read(Path p) throws Exception {
    return JSON.readTree(Files.readString(p));
  }

  /** history.json without the wall-clock column. */
  static String curves(Path out) throws Exception {
    JsonNode h = read(out.resolve("history.json"));
    for (JsonNode e : h) ((ObjectNode) e).remove("seconds");
    return h.toString();
  }

  @Test
  void logisticOnBreastCancerWritesEverythingAndPrintsKerasLines() throws Exception {
    Path out = dir.resolve("logistic");
    Cli.Run r = ok("train", "--train", "data/breast_cancer.csv", "--model", "logistic", "--epochs", "4", "--batch-size", "64",
        "--optimizer", "adam", "--learning-rate", "0.05", "--metric", "accuracy", "--metric", "auc_roc", "--out", out.toString());
    // 569 rows, 20% (114) held out: 455 training rows, ceil(455 / 64) = 8 iterations per epoch
    assertTrue(r.out().contains("Epoch 1/4 - 8 iterations - "), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("Epoch 4/4 - 8 iterations - [0-9.]+s - loss: [0-9.]+ - val_loss: [0-9.]+"
        + " - val_accuracy: [0-9.]+ - val_auc_roc: [0-9.]+")), r.out());
    JsonNode rep = read(out.resolve("report.json"));
    assertEquals("train", rep.get("command").asText());
    assertEquals("binary", rep.get("task").asText());
    assertEquals(114, rep.get("rows").asInt());
    assertTrue(rep.get("metrics").get("accuracy").asDouble() > 0.9, rep.toString());
    assertTrue(rep.has("confusion_matrix"));
    JsonNode t = rep.get("training");
    for (String k : List.of("best_epoch", "stopped_epoch", "diagnosis", "flagged_epochs")) assertTrue(t.has(k), k);
    assertEquals(455, t.get("rows_train").asInt());
    assertEquals(4, read(out.resolve("history.json")).size());
    List<String> csv = Files.readAllLines(out.resolve("history.csv"));
    assertEquals("epoch,iterations,train_loss,val_loss,val_accuracy,val_auc_roc,seconds", csv.get(0));
    assertEquals(5, csv.size());
    assertEquals("sigmoid", read(out.resolve("model.json")).get("output").asText());
  }

  @Test
  void softmaxMlpOnDigits() throws Exception {
    Path out = dir.resolve("digits");
    Cli.Run r = ok("train", "--train", "data/digits.csv", "--model", "mlp:hidden=16,activation=relu", "--loss",
        "cross_entropy:label_smoothing=0.05", "--epochs", "3", "--batch-size", "128", "--optimizer", "adam",
        "--learning-rate", "0.01", "--out", out.toString());
    JsonNode rep = read(out.resolve("report.json"));
    assertEquals("multiclass", rep.get("task").asText());
    assertTrue(rep.get("metrics").get("accuracy").asDouble() > 0.8, r.out());
    assertEquals(10, read(out.resolve("model.json")).get("classes").asInt());
  }

  @Test
  void sameSeedSameHistoryOtherSeedOtherHistory() throws Exception {
    List<String> runs = new ArrayList<>();
    for (String seed : List.of("3", "3", "4")) {
      Path out = dir.resolve("seed" + runs.size());
      ok("train", "--train", "data/diabetes.csv", "--label", "progression", "--model", "mlp:hidden=4,activation=tanh",
          "--epochs", "3", "--optimizer", "momentum", "--seed", seed, "--partitions", "3", "--out", out.toString());
      runs.add(curves(out));
    }
    assertEquals(runs.get(0), runs.get(1));
    assertNotEquals(runs.get(0), runs.get(2));
  }

  static Path modeRun(String mode, String partitions) {
    Path out = dir.resolve("mode-" + mode + "-" + partitions);
    ok("train", "--train", "data/breast_cancer.csv", "--model", "mlp:hidden=5,activation=sigmoid", "--loss", "bce",
        "--epochs", "2", "--optimizer", "adam", "--batch-size", "100", "--partitions", partitions, "--iteration-mode", mode,
        "--out", out.toString());
    return out;
  }

  /** One barrier job per epoch gives the same history, bit for bit, as one job per iteration. */
  @Test
  void barrierModeEqualsJobMode() throws Exception {
    assertEquals(curves(modeRun("job", "2")), curves(modeRun("barrier", "2")));
    // More partitions than task slots: barrier mode merges them (contiguous groups, in order), so the
    // rows and batches are the same; only the order of the partial sums differs.
    double a = read(modeRun("job", "4").resolve("report.json")).get("losses").get("bce").asDouble();
    double b = read(modeRun("barrier", "4").resolve("report.json")).get("losses").get("bce").asDouble();
    assertEquals(a, b, 1e-9 * a);
  }

  @Test
  void resumedRunIsIdenticalToAStraightRun() throws Exception {
    String[] common = {"train", "--train", "data/diabetes.csv", "--label", "progression", "--model", "linear",
        "--optimizer", "adam", "--learning-rate", "0.5", "--batch-size", "64", "--early-stopping", "patience=3"};
    Path straight = dir.resolve("straight");
    ok(concat(common, "--epochs", "6", "--out", straight.toString()));
    Path part = dir.resolve("part"), ck = dir.resolve("ck");
    ok(concat(common, "--epochs", "2", "--checkpoint", ck.toString(), "--out", part.toString()));
    Path resumed = dir.resolve("resumed");
    Cli.Run r = ok(concat(common, "--epochs", "6", "--checkpoint", ck.toString(), "--resume", "--out", resumed.toString()));
    assertTrue(r.out().contains("Epoch 3/6") && !r.out().contains("Epoch 2/6"), r.out());
    assertEquals(curves(straight), curves(resumed));
    JsonNode a = read(straight.resolve("model.json")), b = read(resumed.resolve("model.json"));
    assertEquals(a.get("layers"), b.get("layers"));
  }

  @Test
  void predictAppendsSparkMlColumnsThatEvaluateReads() throws Exception {
    Path out = dir.resolve("lin");
    ok("train", "--train", "data/diabetes.csv", "--validation", "data/diabetes.csv", "--label", "progression",
        "--epochs", "2", "--out", out.toString());
    Path scored = dir.resolve("scored.parquet");
    ok("predict", "--model", out.resolve("model.json").toString(), "--input", "data/diabetes.csv", "--out", scored.toString());
    Path ev = dir.resolve("eval");
    ok("evaluate", "--input", scored.toString(), "--task", "regression", "--label", "progression", "--loss", "mse",
        "--out", ev.toString());
    double trained = read(out.resolve("report.json")).get("losses").get("mse").asDouble();
    double evaluated = read(ev.resolve("report.json")).get("losses").get("mse").asDouble();
    assertEquals(trained, evaluated, 1e-9 * trained, "the saved model on raw features gives the training run's validation loss");

    Path bin = dir.resolve("bin");
    ok("train", "--train", "data/breast_cancer.csv", "--validation", "data/breast_cancer.csv", "--model", "logistic",
        "--epochs", "2", "--out", bin.toString());
    Path scoredBin = dir.resolve("scored-bin.parquet");
    ok("predict", "--model", bin.resolve("model.json").toString(), "--input", "data/breast_cancer.csv", "--out", scoredBin.toString());
    Path evBin = dir.resolve("eval-bin");
    ok("evaluate", "--input", scoredBin.toString(), "--task", "binary", "--loss", "bce", "--metric", "accuracy",
        "--out", evBin.toString());
    JsonNode t = read(bin.resolve("report.json")), e = read(evBin.resolve("report.json"));
    assertEquals(t.get("losses").get("bce").asDouble(), e.get("losses").get("bce").asDouble(), 1e-9);
    assertEquals(t.get("metrics").get("accuracy").asDouble(), e.get("metrics").get("accuracy").asDouble());
  }

  static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
