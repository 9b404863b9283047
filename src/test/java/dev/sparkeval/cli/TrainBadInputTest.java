package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.testkit.BadInput;
import dev.sparkeval.testkit.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad training options: exit 2, one line naming the option and what would be right. */
class TrainBadInputTest {
  @TempDir static Path dir;

  static void bad(List<String> fragments, String... args) {
    List<String> a = new java.util.ArrayList<>(List.of("train", "--train", "data/diabetes.csv", "--label", "progression"));
    a.addAll(List.of(args));
    BadInput.expect(dir, fragments, a);
  }

  @Test
  void batchSizeZero() {
    bad(List.of("--batch-size must be >= 1, got 0"), "--batch-size", "0");
  }

  @Test
  void learningRateNotPositive() {
    bad(List.of("--learning-rate must be a finite number > 0, got 0.0"), "--learning-rate", "0");
    bad(List.of("--learning-rate must be a finite number > 0, got -0.1"), "--learning-rate", "-0.1");
  }

  @Test
  void unknownModel() {
    bad(List.of("unknown --model 'lineer'", "did you mean 'linear'", "mlp:hidden=64x32"), "--model", "lineer");
    bad(List.of("--model mlp: hidden must be layer widths"), "--model", "mlp:hidden=64x0");
    bad(List.of("activation must be one of", "did you mean 'relu'"), "--model", "mlp:activation=rellu");
  }

  @Test
  void metricsAreRefusedAsLosses() {
    bad(List.of("--loss accuracy is a metric and cannot be trained on", "step function", "gradient is zero almost everywhere",
        "--loss bce", "--metric accuracy"), "--model", "logistic", "--loss", "accuracy");
    bad(List.of("--loss f1 is a metric", "gradient is zero almost everywhere", "--loss cross_entropy"),
        "--model", "softmax", "--loss", "f1");
    bad(List.of("--loss auc_roc is a metric", "ranking"), "--model", "logistic", "--loss", "auc_roc");
    bad(List.of("--loss r2 is a metric", "minimising mse maximises it", "--loss mse"), "--loss", "r2");
  }

  @Test
  void lossOfTheWrongTask() {
    bad(List.of("--loss 'bce' cannot train --model linear", "use --model logistic or mlp"), "--loss", "bce");
    bad(List.of("--loss 'kl_div' cannot train"), "--loss", "kl_div");
  }

  @Test
  void otherOptions() {
    bad(List.of("unknown --optimizer 'adamw'", "did you mean 'adam'"), "--optimizer", "adamw");
    bad(List.of("--epochs must be >= 1"), "--epochs", "0");
    bad(List.of("--early-stopping: patience must be between 1"), "--early-stopping", "patience=0");
    bad(List.of("--resume needs --checkpoint"), "--resume");
    bad(List.of("--validation-fraction must be strictly between 0 and 1"), "--validation-fraction", "1");
    bad(List.of("label 'progression' must be 0 or 1 for a binary model"), "--model", "logistic");
    bad(List.of("--features column 'bmj' is not in the table", "did you mean 'bmi'"), "--features", "age,bmj");
    bad(List.of("--l2 must be a finite number >= 0"), "--l2", "-1");
  }

  @Test
  void aNumericTargetIsNoClassLabel() {
    bad(List.of("label 'progression' does not look like class indices", "whole numbers from 25 to 346", "347 classes",
        "for 442 rows", "--model linear"), "--model", "softmax");
    bad(List.of("label 'progression' must be 0 or 1 for a binary model", "found whole numbers from 25 to 346",
        "for a numeric target use --model linear"), "--model", "logistic");
  }

  @Test
  void aSingleValuedLabelWarnsAndOneEpochIsNoGoodFit() throws Exception {
    StringBuilder csv = new StringBuilder("x,label\n");
    for (int i = 0; i < 40; i++) csv.append(i).append(",7\n");
    Path f = Files.writeString(dir.resolve("constant.csv"), csv.toString());
    Path out = dir.resolve("constant");
    Cli.Run r = Cli.run("train", "--train", f.toString(), "--epochs", "1", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("warning: the training label 'label' has one value (7) in all 32 training rows"), r.err());
    assertTrue(r.out().contains("too few epochs to judge the fit: 1 epoch") && !r.out().contains("good fit"), r.out());
    String report = Files.readString(out.resolve("report.json"));
    assertTrue(report.contains("\"warnings\" : [ \"the training label 'label' has one value (7)"), report);
    assertTrue(report.contains("\"fit\" : \"unknown\""), report);
  }
}
