package dev.sparkeval.cli;

import dev.sparkeval.core.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on output folders, made before any work so that a bad --out fails fast. */
final class Outputs {
  private Outputs() {}

  static void checkWritable(Path dir) {
    Path p = dir.toAbsolutePath();
    while (p != null && !Files.exists(p)) p = p.getParent();
    if (p == null || !Files.isDirectory(p)) {
      throw new UsageException("--out '" + dir + "' cannot be created: " + p + " is not a folder");
    }
    if (!Files.isWritable(p)) throw new UsageException("--out '" + dir + "' is not writable (" + p + " is read-only)");
  }
}
