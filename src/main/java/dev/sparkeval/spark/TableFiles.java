package dev.sparkeval.spark;

import dev.sparkeval.core.UsageException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks a table on the local file system before Spark reads it, so that an empty or damaged
 * input gets one line naming the file instead of a task failure: a missing or unreadable path, a
 * 0-byte file, a folder without data files, a parquet or ORC part file that is empty or lacks its
 * format's magic bytes (an interrupted write). Paths whose names start with '.', or with '_' but
 * hold no '=', are not data: Spark skips them (_SUCCESS, .crc files).
 */
final class TableFiles {
  private static final byte[] PARQUET = "PAR1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ORC = "ORC".getBytes(StandardCharsets.US_ASCII);

  private TableFiles() {}

  /** True for paths Spark would read from this machine's file system (no scheme, or file:). */
  static boolean isLocal(String path) {
    return !path.contains("://") || path.startsWith("file:");
  }

  /** Refuses, naming option and path, a local table that Spark could not read or that holds nothing. */
  static void check(String option, String path, String format) {
    if (!isLocal(path)) return;
    Path p = Path.of(path.startsWith("file:") ? path.replaceFirst("^file:(//)?", "") : path);
    if (!Files.exists(p)) throw new UsageException(option + " '" + path + "' does not exist");
    if (!Files.isReadable(p)) throw new UsageException(option + " '" + path + "' is not readable");
    List<Path> data = dataFiles(p);
    if (data.isEmpty()) {
      throw new UsageException(option + " '" + path + "' is an empty folder: it holds no data files (only names"
          + " starting with '_' or '.', which Spark skips); point it at the table's folder or file");
    }
    long bytes = 0;
    for (Path f : data) {
      long size = size(f);
      bytes += size;
      if (format.equals("parquet") || format.equals("orc")) checkBinary(option, path, p, f, format, size);
    }
    if (bytes == 0) {
      throw new UsageException(option + " '" + path + "' is empty (0 bytes" + (data.size() > 1 ? " in " + data.size()
          + " files" : "") + "): there is no header and no row to read");
    }
  }

  private static void checkBinary(String option, String path, Path root, Path f, String format, long size) {
    String which = f.equals(root) ? "it" : "its file '" + root.relativize(f) + "'";
    byte[] magic = format.equals("parquet") ? PARQUET : ORC;
    String why = null;
    if (size == 0) why = " is empty (0 bytes)";
    else if (size < magic.length * (format.equals("parquet") ? 2L : 1L)) why = " is " + size + " bytes long";
    else if (!hasMagic(f, size, magic, format.equals("parquet"))) why = " does not start and end as " + format + " files do";
    else if (format.equals("parquet") && !footerFits(f, size)) why = " is cut short (its footer length points outside the file)";
    if (why != null) {
      throw new UsageException(option + " '" + path + "' is corrupt: " + which + why + ", so it is no " + format
          + " file (an interrupted write?); remove it or write the table again");
    }
  }

  private static boolean hasMagic(Path f, long size, byte[] magic, boolean atBothEnds) {
    try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "r")) {
      byte[] head = new byte[magic.length];
      r.readFully(head);
      if (!Arrays.equals(head, magic)) return false;
      if (!atBothEnds) return true;
      r.seek(size - magic.length);
      r.readFully(head);
      return Arrays.equals(head, magic);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A parquet file ends with its footer, the footer's length (4 bytes, little-endian) and PAR1. */
  private static boolean footerFits(Path f, long size) {
    try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "r")) {
      r.seek(size - 8);
      long len = Integer.reverseBytes(r.readInt()) & 0xffffffffL;
      return len > 0 && len <= size - 12;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> dataFiles(Path p) {
    if (!Files.isDirectory(p)) return List.of(p);
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(p)) {
      s.filter(Files::isRegularFile).filter(f -> visible(p, f)).forEach(out::add);
    } catch (IOException e) {
      throw new UsageException("cannot list the folder '" + p + "': " + e.getMessage());
    }
    return out;
  }

  /** Spark skips every path whose name below the table's root starts with '.', or with '_' and is no partition (k=v). */
  private static boolean visible(Path root, Path f) {
    for (Path part : root.relativize(f)) {
      String n = part.toString();
      if (n.startsWith(".") || n.startsWith("_") && !n.contains("=") || n.endsWith("._COPYING_")) return false;
    }
    return true;
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
