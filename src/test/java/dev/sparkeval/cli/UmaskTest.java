package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file a command writes (reports, metrics.csv, model, history, checkpoint, SQL result, predict's
 * table written by Spark) honours the umask: 0644 under umask 022, 0600 under 077, folders 0755 and
 * 0700. The umask belongs to the process, so each case runs the commands in a child JVM started by a
 * shell that set it ({@link UmaskRun}).
 */
class UmaskTest {
  @TempDir Path dir;

  @Test
  void under022FilesAre0644() throws Exception {
    check("022", "rw-r--r--", "rwxr-xr-x");
  }

  @Test
  void under077FilesAre0600() throws Exception {
    check("077", "rw-------", "rwx------");
  }

  void check(String umask, String file, String folder) throws Exception {
    Path out = dir.resolve("u" + umask);
    List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("-XX:+Ignore") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty")) {
        java.add(a);
      }
    }
    java.addAll(List.of("-cp", System.getProperty("java.class.path"), UmaskRun.class.getName(), out.toString()));
    StringBuilder cmd = new StringBuilder("umask " + umask + " && exec");
    for (String w : java) cmd.append(" '").append(w.replace("'", "'\\''")).append("'");
    Process p = new ProcessBuilder("bash", "-c", cmd.toString()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), log);
    List<Path> all;
    try (Stream<Path> s = Files.walk(out)) {
      all = s.filter(x -> !x.equals(out) && !x.getFileName().toString().equals("preds.csv")).toList();
    }
    for (String name : List.of("eval/report.json", "eval/report.html", "eval/metrics.csv", "train/model.json",
        "train/history.json", "train/history.csv", "train/report.json", "ckpt/checkpoint.json", "sql/result.csv")) {
      assertTrue(Files.isRegularFile(out.resolve(name)), name + " written; log: " + log);
    }
    assertTrue(all.stream().anyMatch(x -> x.toString().contains("scored.csv/part-")), "predict wrote csv part files");
    for (Path x : all) {
      String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(x));
      assertEquals(Files.isDirectory(x) ? folder : file, mode, out.relativize(x) + " under umask " + umask);
    }
  }
}
