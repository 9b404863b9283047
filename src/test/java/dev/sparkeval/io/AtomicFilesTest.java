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
}
