package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.testkit.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** predict writes the format --out names, and the evaluate command it prints runs as printed. */
class PredictFormatsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static Path binary;
  static Path multiclass;

  @BeforeAll
  static void train() {
    binary = dir.resolve("bc");
    ok("train", "--train", "data/breast_cancer.csv", "--validation", "data/breast_cancer.csv", "--model", "logistic",
        "--epochs", "2", "--metric", "accuracy", "--out", binary.toString());
    multiclass = dir.resolve("wine");
    ok("train", "--train", "data/wine.csv", "--validation", "data/wine.csv", "--model", "softmax", "--epochs", "2",
        "--metric", "accuracy", "--out", multiclass.toString());
  }

  static Cli.Run ok(String... args) {
    Cli.Run r = Cli.run(args);
    assertEquals(0, r.code(), r.err() + r.out());
    return r;
  }

  /** The words of a printed command as a POSIX shell splits them (plain words and single quotes). */
  static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder w = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ') {
        if (w != null) out.add(w.toString());
        w = null;
      } else if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (w == null) w = new StringBuilder();
        w.append(line, i + 1, end);
        i = end;
      } else if (c == '\\' && i + 1 < line.length()) {
        if (w == null) w = new StringBuilder();
        w.append(line.charAt(++i));
      } else {
        if (w == null) w = new StringBuilder();
        w.append(c);
      }
    }
    if (w != null) out.add(w.toString());
    return out;
  }

  /** Runs the evaluate command predict printed, as printed (plus --out and the measures to compare). */
  static JsonNode runPrinted(Cli.Run predict, Path out, String... more) throws Exception {
    String line = predict.out().lines().filter(l -> l.startsWith("evaluate it with: ")).findFirst()
        .orElseThrow(() -> new AssertionError("no evaluate command in: " + predict.out()));
    List<String> cmd = words(line.substring("evaluate it with: ".length()));
    assertEquals("./submit.sh", cmd.get(0), line);
    List<String> args = new ArrayList<>(cmd.subList(1, cmd.size()));
    args.addAll(List.of(more));
    args.addAll(List.of("--out", out.toString()));
    ok(args.toArray(new String[0]));
    return JSON.readTree(out.resolve("report.json").toFile());
  }

  /** Exit 2 with one line holding every fragment (the command names its own --out). */
  static void refused(List<String> fragments, List<String> args) {
    Cli.Run r = Cli.run(args.toArray(new String[0]));
    assertEquals(2, r.code(), r.err() + r.out());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    for (String f : fragments) assertTrue(r.err().contains(f), f + " in " + r.err());
  }

  static List<String> partFiles(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("part-")).toList();
    }
  }

  @Test
  void eachExtensionGetsItsFormatAndThePrintedEvaluateRuns() throws Exception {
    JsonNode trained = JSON.readTree(binary.resolve("report.json").toFile());
    for (String name : List.of("scored.csv", "scored.json", "scored.orc", "scored.parquet", "scored")) {
      Path out = dir.resolve(name);
      Cli.Run r = ok("predict", "--model", binary.resolve("model.json").toString(), "--input", "data/breast_cancer.csv",
          "--out", out.toString());
      String ext = name.contains(".") ? name.substring(name.indexOf('.') + 1) : "parquet";
      List<String> parts = partFiles(out);
      assertTrue(!parts.isEmpty() && parts.stream().allMatch(p -> p.contains("." + ext) || ext.equals("json") && p.endsWith(".json")),
          name + " holds " + parts);
      JsonNode e = runPrinted(r, dir.resolve("eval-" + name), "--loss", "bce", "--metric", "accuracy");
      assertEquals(trained.get("losses").get("bce").asDouble(), e.get("losses").get("bce").asDouble(), 1e-12, name);
      assertEquals(trained.get("metrics").get("accuracy").asDouble(), e.get("metrics").get("accuracy").asDouble(), name);
    }
    List<String> header = Files.readAllLines(Files.list(dir.resolve("scored.csv")).filter(p -> p.getFileName().toString()
        .startsWith("part-")).findFirst().orElseThrow()).subList(0, 1);
    assertTrue(header.get(0).endsWith(",rawPrediction,probability,prediction"), header.toString());
  }

  @Test
  void multiclassVectorsGoToJsonAndAreRefusedByCsv() throws Exception {
    JsonNode trained = JSON.readTree(multiclass.resolve("report.json").toFile());
    Path out = dir.resolve("wine.json");
    Cli.Run r = ok("predict", "--model", multiclass.resolve("model.json").toString(), "--input", "data/wine.csv",
        "--out", out.toString());
    JsonNode e = runPrinted(r, dir.resolve("eval-wine"), "--metric", "accuracy");
    assertEquals(trained.get("metrics").get("accuracy").asDouble(), e.get("metrics").get("accuracy").asDouble());
    refused(List.of("CSV cannot hold the 3-class probability vectors", ".parquet, .json or .orc"),
        List.of("predict", "--model", multiclass.resolve("model.json").toString(), "--input", "data/wine.csv",
            "--out", dir.resolve("wine.csv").toString()));
    assertTrue(!Files.exists(dir.resolve("wine.csv")), "nothing written");
  }

  @Test
  void anUnknownExtensionIsRefusedAndAnUnlabelledInputGetsNoEvaluateCommand() throws Exception {
    refused(List.of("--out", "ends in '.txt', which is no table format", ".csv"),
        List.of("predict", "--model", binary.resolve("model.json").toString(), "--input", "data/breast_cancer.csv",
            "--out", dir.resolve("scored.txt").toString()));
    Path unlabelled = dir.resolve("unlabelled.csv");
    List<String> lines = Files.readAllLines(Path.of("data/breast_cancer.csv"));
    List<String> cut = new ArrayList<>();
    for (String l : lines) cut.add(l.substring(0, l.lastIndexOf(',')));
    assertTrue(lines.get(0).endsWith(",label"), lines.get(0));
    Files.write(unlabelled, cut);
    Cli.Run r = ok("predict", "--model", binary.resolve("model.json").toString(), "--input", unlabelled.toString(),
        "--out", dir.resolve("new.parquet").toString());
    assertTrue(r.out().contains("has no label column 'label'") && !r.out().contains("evaluate it with"), r.out());
  }

  @Test
  void printedWordsSurviveTheShell() {
    assertEquals(List.of("a b", "c'd", "e"), words(Shell.quote("a b") + " " + Shell.quote("c'd") + " " + Shell.quote("e")));
  }
}
