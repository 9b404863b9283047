package dev.sparkeval.report;

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
  void aReportThatFailsToRenderLeavesThePreviousOneIntact() throws Exception {
    HtmlReport.write(dir, ReportModels.regression(), null);
    String json = Files.readString(dir.resolve("report.json"));
    String html = Files.readString(dir.resolve("report.html"));
    Map<String, Object> broken = new LinkedHashMap<>(ReportModels.regression());
    broken.put("losses", Map.of("mse", new Object())); // not serialisable: fails before any file is replaced
    assertThrows(RuntimeException.class, () -> HtmlReport.write(dir, broken, null));
    assertEquals(json, Files.readString(dir.resolve("report.json")));
    assertEquals(html, Files.readString(dir.resolve("report.html")));
    assertEquals(List.of("metrics.csv", "report.html", "report.json"), names(dir));
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

  @Test
  void aNewFolderAppearsWithTheWholeSetAndLeavesNothingBeside() throws Exception {
    Path out = dir.resolve("runs").resolve("r1");
    HtmlReport.write(out, ReportModels.regression(), null);
    assertEquals(List.of("metrics.csv", "report.html", "report.json"), names(out));
    assertEquals(List.of("r1"), names(dir.resolve("runs")), "no temporary folder left beside it");
  }

  @Test
  void anExistingFolderKeepsItsOtherFilesAndGetsReportJsonLast() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    Files.createDirectories(dir.resolve("report.json").resolve("blocker")); // report.json cannot be replaced
    assertThrows(IOException.class, () -> HtmlReport.write(dir, ReportModels.regression(), null));
    assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
    assertTrue(Files.isRegularFile(dir.resolve("metrics.csv")) && Files.isRegularFile(dir.resolve("report.html")),
        "the companions were renamed before report.json, the file readers watch");
    assertEquals(List.of("metrics.csv", "notes.txt", "report.html", "report.json"), names(dir));
  }
}
