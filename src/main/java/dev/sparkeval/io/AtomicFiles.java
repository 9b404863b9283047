package dev.sparkeval.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a set of files so that each is either the old version or the complete new one: every
 * file goes to a temporary sibling first, and only when all are written are they renamed.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  public static void write(Path dir, Map<String, String> files) throws IOException {
    Files.createDirectories(dir);
    Map<Path, Path> staged = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path tmp = Files.createTempFile(dir, "." + f.getKey() + ".", ".tmp");
        staged.put(tmp, dir.resolve(f.getKey()));
        Files.writeString(tmp, f.getValue(), StandardCharsets.UTF_8);
      }
      for (Map.Entry<Path, Path> e : staged.entrySet()) {
        try {
          Files.move(e.getKey(), e.getValue(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException x) {
          Files.move(e.getKey(), e.getValue(), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } finally {
      for (Path tmp : staged.keySet()) Files.deleteIfExists(tmp);
    }
  }
}
