package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.OperatingSystemMXBean;
import dev.sparkeval.testkit.Cli;
import dev.sparkeval.testkit.ReadmeCommands;
import dev.sparkeval.testkit.ReadmeCommands.Command;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's marked commands ({@code <!-- readme-test -->} before a code block) run as written,
 * in order, in-process on the local[2] test session: each exits 0 and writes what it names.
 * Paths under {@code data/} are the repo's bundled data; every other relative path (the tables a
 * reader generates, the out/ folders) is made under a fresh folder instead of the repo.
 */
class ReadmeCommandsTest {
  static final Set<String> DEFAULT_OUT = Set.of("demo", "evaluate", "train", "bench");
  static final Set<String> REPORTS = Set.of("demo", "evaluate", "train");
  static final OperatingSystemMXBean CPU = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  @TempDir Path work;

  @Test
  void readmeCommandsRunAsWritten() throws Exception {
    List<Command> commands = ReadmeCommands.parse(Files.readString(Path.of("README.md")));
    List<String> names = commands.stream().map(c -> c.args().isEmpty() ? "demo" : c.args().get(0)).toList();
    assertTrue(names.containsAll(List.of("demo", "generate", "evaluate")), "the quick start must stay marked: " + names);
    for (Command c : commands) {
      List<String> given = c.args();
      if (!given.isEmpty() && List.of("--help", "-h").contains(given.get(0))) given = List.of("help"); // as submit.sh maps them
      assertFalse(!given.isEmpty() && given.get(0).startsWith("-"),
          c + ": spark-submit options cannot run in-process; leave this block unmarked");
      List<String> args = localise(given);
      long start = System.nanoTime(), cpu = CPU.getProcessCpuTime();
      Cli.Run run = Cli.run(args.toArray(String[]::new));
      System.out.printf("readme-test %.1f s (cpu %.1f s): %s%n", (System.nanoTime() - start) / 1e9,
          (CPU.getProcessCpuTime() - cpu) / 1e9, c); // how long the README's commands take; a figure, not a check
      assertEquals(0, run.code(), c + "\nran as " + args + "\n" + run.out() + run.err());
      if (!args.contains("--out")) continue;
      Path out = Path.of(args.get(args.indexOf("--out") + 1));
      assertTrue(Files.exists(out), c + ": wrote nothing at " + out);
      if (REPORTS.contains(args.get(0))) assertReports(c, out);
    }
  }

  /** Every report.json has its report.html and metrics.csv beside it, and there is at least one. */
  static void assertReports(Command c, Path out) throws Exception {
    List<Path> reports;
    try (Stream<Path> s = Files.walk(out)) {
      reports = s.filter(p -> p.getFileName().toString().equals("report.json")).toList();
    }
    assertFalse(reports.isEmpty(), c + ": no report.json under " + out);
    for (Path r : reports) {
      for (String f : List.of("report.html", "metrics.csv")) {
        assertTrue(Files.size(r.resolveSibling(f)) > 0, c + ": " + r.resolveSibling(f) + " missing or empty");
      }
    }
  }

  /** The command with relative paths moved under the work folder (data/ stays the repo's) and an --out where it has a default. */
  List<String> localise(List<String> readme) {
    List<String> args = new ArrayList<>(readme.isEmpty() ? List.of("demo") : readme);
    for (int i = 1; i < args.size(); i++) {
      String a = args.get(i);
      if (args.get(i - 1).equals("--view") && a.contains("=")) {
        int eq = a.indexOf('=');
        args.set(i, a.substring(0, eq + 1) + path(a.substring(eq + 1)));
      } else if (isPath(a) || args.get(i - 1).equals("--out")) {
        args.set(i, path(a));
      }
    }
    if (DEFAULT_OUT.contains(args.get(0)) && !args.contains("--out")) {
      args.addAll(List.of("--out", work.resolve("out").resolve(args.get(0)).toString()));
    }
    return args;
  }

  static boolean isPath(String a) {
    return !a.startsWith("-") && !a.contains("://") && !a.contains(" ")
        && (a.contains("/") || a.matches(".+\\.(parquet|csv|json|jsonl|orc)"));
  }

  String path(String p) {
    if (Path.of(p).isAbsolute()) return p;
    return p.startsWith("data/") ? Path.of(p).toAbsolutePath().toString() : work.resolve(p).toString();
  }

  @Test
  void markedBlocksSplitAsAShellWould() {
    String md = String.join("\n", "text", "<!-- readme-test -->", "", "    mvn -B package   # build",
        "    ./submit.sh evaluate --input a.parquet \\", "        --gate 'mse<=2' # a comment", "    ./submit.sh sql \"SELECT 1,",
        "     2 AS \\\"x\\\"\" --out o", "", "unmarked:", "", "    ./submit.sh never", "<!-- readme-test -->", "```", "./submit.sh",
        "```");
    List<Command> c = ReadmeCommands.parse(md);
    assertEquals(List.of("evaluate", "--input", "a.parquet", "--gate", "mse<=2"), c.get(0).args());
    assertEquals(5, c.get(0).line());
    assertEquals(List.of("sql", "SELECT 1,\n 2 AS \"x\"", "--out", "o"), c.get(1).args());
    assertEquals(7, c.get(1).line());
    assertEquals(List.of(), c.get(2).args());
    assertEquals(3, c.size());
    assertThrows(IllegalArgumentException.class, () -> ReadmeCommands.parse("<!-- readme-test -->\n    rm -rf x\n"));
    assertThrows(IllegalArgumentException.class, () -> ReadmeCommands.parse("<!-- readme-test -->\nprose\n"));
  }
}
