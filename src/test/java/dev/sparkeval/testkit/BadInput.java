package dev.sparkeval.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The bad-input contract in one place: exit 2, one line "error: ..." holding every fragment, nothing written. */
public final class BadInput {
  private BadInput() {}

  /** Writes a small input file into dir; returns its path. */
  public static String write(Path dir, String name, String text) throws java.io.IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  /** Writes lines (one JSON object each) into dir; returns the path. */
  public static String lines(Path dir, String name, String... lines) throws java.io.IOException {
    return write(dir, name, String.join("\n", lines) + "\n");
  }

  /** The words of {@code evaluate --input INPUT --task TASK} and then {@code more}. */
  public static String[] evaluate(String input, String task, String... more) {
    List<String> a = new ArrayList<>(List.of("evaluate", "--input", input, "--task", task));
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  /** Runs the command line with a fresh --out under dir and checks the contract; returns the run. */
  public static Cli.Run expect(Path dir, List<String> fragments, List<String> args) {
    Path out = dir.resolve("out-" + System.nanoTime());
    List<String> a = new ArrayList<>(args);
    a.addAll(List.of("--out", out.toString()));
    Cli.Run run = Cli.run(a.toArray(new String[0]));
    assertEquals(2, run.code(), "exit code; stderr: " + run.err() + " stdout: " + run.out());
    String err = run.err().strip();
    assertEquals(1, err.lines().count(), "one line: " + err);
    assertTrue(err.startsWith("error: "), err);
    for (String f : fragments) assertTrue(err.contains(f), "'" + f + "' in: " + err);
    assertFalse(Files.exists(out.resolve("report.json")), "nothing written on failure");
    return run;
  }
}
