package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.testkit.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
  @TempDir static Path dir;

  @Test
  void linearOnDiabetes() throws Exception {
    Path out = dir.resolve("lin");
    Cli.Run r = Cli.run("train", "--train", "data/diabetes.csv", "--label", "progression", "--model", "linear",
        "--epochs", "30", "--batch-size", "32", "--learning-rate", "0.05", "--out", out.toString());
    System.out.println(r.out() + r.err());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.exists(out.resolve("model.json")));
    System.out.println(Files.readString(out.resolve("report.json")));
  }
}
