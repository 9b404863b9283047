package dev.sparkeval.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write leaves the previous report whole and no temporary files behind. */
class AtomicFilesTest {
  @TempDir Path dir;

  static List<String> names(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aFailedRenameLeavesEveryFileOldOrNewAndNoTemporaries() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "old a");
    Files.createDirectories(dir.resolve("b.txt").resolve("blocker")); // b.txt cannot be replaced
    Map<String, String> files = new LinkedHashMap<>();
    files.put("a.txt", "new a");
    files.put("b.txt", "new b");
    assertThrows(IOException.class, () -> AtomicFiles.write(dir, files));
    String a = Files.readString(dir.resolve("a.txt"));
    assertTrue(a.equals("old a") || a.equals("new a"), a);
    assertTrue(Files.isDirectory(dir.resolve("b.txt")));
    assertEquals(List.of("a.txt", "b.txt"), names(dir));
  }

  static Map<String, String> reportSet() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("metrics.csv", "slice,name,value,low,high\n");
    files.put("report.html", "<html></html>");
    files.put("report.json", "{}");
    return files;
  }

  @Test
  void aNewFolderAppearsWithTheWholeSetAndLeavesNothingBeside() throws Exception {
    Path out = dir.resolve("runs").resolve("r1");
    AtomicFiles.write(out, reportSet());
    assertEquals(List.of("metrics.csv", "report.html", "report.json"), names(out));
    assertEquals("{}", Files.readString(out.resolve("report.json")));
    assertEquals(List.of("r1"), names(dir.resolve("runs")), "no temporary folder left beside it");
  }

  @Test
  void anExistingFolderKeepsItsOtherFilesAndGetsTheLastFileLast() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    Files.createDirectories(dir.resolve("report.json").resolve("blocker")); // report.json cannot be replaced
    assertThrows(IOException.class, () -> AtomicFiles.write(dir, reportSet()));
    assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
    assertEquals("<html></html>", Files.readString(dir.resolve("report.html")),
        "the companions were renamed before report.json, the file readers watch");
    assertEquals(List.of("metrics.csv", "notes.txt", "report.html", "report.json"), names(dir));
  }
}
