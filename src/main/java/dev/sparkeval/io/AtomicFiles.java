package dev.sparkeval.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a set of files so that no reader ever sees one half-written, and a failure leaves the old
 * set as it was. Every file is written completely (and flushed to disk) under a temporary name
 * before the first one is renamed into place. When the folder does not exist yet, the whole set is
 * written into a fresh sibling folder renamed into place: the files appear together. An existing
 * folder may hold other files (a user's, a training run's checkpoint), so it is never replaced:
 * its files are renamed one by one in the order given, and callers give the file that readers
 * watch (report.json) last, so that a new one means its companions are new too. Files and folders
 * are created with the process's umask (0644 and 0755 under umask 022), as any program's are.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes files (name to content) into dir, renamed in the map's order. */
  public static void write(Path dir, Map<String, String> files) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    if (!Files.exists(target) && writeFresh(target, files)) return;
    Files.createDirectories(target);
    Map<Path, Path> staged = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path tmp = target.resolve("." + f.getKey() + "." + UUID.randomUUID() + ".tmp");
        staged.put(tmp, target.resolve(f.getKey()));
        create(tmp, f.getValue());
      }
      for (Map.Entry<Path, Path> e : staged.entrySet()) move(e.getKey(), e.getValue());
    } finally {
      for (Path tmp : staged.keySet()) Files.deleteIfExists(tmp);
    }
  }

  /**
   * The whole set in a fresh sibling folder, renamed to target; false (nothing left behind) when
   * target appeared meanwhile or the file system cannot rename a folder atomically.
   */
  private static boolean writeFresh(Path target, Map<String, String> files) throws IOException {
    Path parent = target.getParent();
    if (parent == null) return false;
    Files.createDirectories(parent);
    Path tmp = parent.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    Files.createDirectory(tmp);
    try {
      for (Map.Entry<String, String> f : files.entrySet()) create(tmp.resolve(f.getKey()), f.getValue());
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (Files.isDirectory(target)) return false; // a concurrent run made it: fall back to file by file
      throw e;
    } finally {
      deleteTree(tmp);
    }
  }

  /** A new file with the default permissions (the umask applies) holding text, forced to disk. */
  private static void create(Path file, String text) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (b.hasRemaining()) ch.write(b);
      ch.force(true);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException x) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    List<Path> all = new ArrayList<>();
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder()).forEach(all::add);
    }
    for (Path x : all) Files.deleteIfExists(x);
  }
}
