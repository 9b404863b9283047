package dev.sparkeval.spark;

import dev.sparkeval.core.UsageException;
import dev.sparkeval.spark.eval.Binding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.AtomicType;
import org.apache.spark.sql.types.StructField;

/**
 * Writes a table (a folder of part files, as Spark does) in the format its path's extension names.
 * Spark ML vectors survive only in parquet; json and orc get arrays of numbers (which evaluate and
 * train read as vectors). On a local path the files honour the process's umask (Hadoop's local file
 * system applies its own, 022, otherwise).
 */
public final class Output {
  private Output() {}

  /** The format a path's extension names, or null when it has none (a plain folder name). */
  public static String formatOf(String path, String option) {
    String p = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    String name = p.substring(p.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    if (dot <= 0) return null;
    String ext = name.substring(dot + 1);
    if (ext.equals("jsonl")) return "json";
    if (Input.FORMATS.contains(ext)) return ext;
    throw new UsageException(option + " '" + path + "' ends in '." + ext + "', which is no table format; end it in one of "
        + Input.FORMATS.stream().map(f -> "." + f).toList() + " (or give a folder name without an extension for parquet)");
  }

  /** Replaces path with the table in format (parquet, csv, json or orc). */
  public static void write(Dataset<Row> table, String path, String format) {
    Dataset<Row> t = format.equals("parquet") ? table : vectorsAsArrays(table);
    if (format.equals("csv")) {
      for (StructField f : t.schema().fields()) {
        if (!(f.dataType() instanceof AtomicType)) {
          throw new UsageException("column '" + f.name() + "' has type " + f.dataType().simpleString()
              + ", which a CSV file cannot hold; write " + path.replaceAll("(?i)\\.csv/*$", "") + ".parquet (or .json, .orc) instead");
        }
      }
    }
    DataFrameWriter<Row> w = t.write().mode(SaveMode.Overwrite).format(format);
    if (format.equals("csv")) w = w.option("header", "true").option("escape", "\""); // RFC 4180, as Input reads it
    if (TableFiles.isLocal(path)) {
      // The local file system caches one instance whose umask is Hadoop's; a fresh one takes ours.
      w = w.option("fs.permissions.umask-mode", umask()).option("fs.file.impl.disable.cache", "true");
    }
    w.save(path);
  }

  static Dataset<Row> vectorsAsArrays(Dataset<Row> table) {
    List<Column> cols = new ArrayList<>();
    for (StructField f : table.schema().fields()) {
      Column c = functions.col(Binding.quote(f.name()));
      cols.add(f.dataType().equals(SQLDataTypes.VectorType()) ? org.apache.spark.ml.functions.vector_to_array(c, "float64").as(f.name()) : c);
    }
    return table.select(cols.toArray(new Column[0]));
  }

  /** The process's umask as three octal digits: from /proc on Linux, else from a file made with the defaults. */
  static String umask() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Umask:")) return String.format("%03o", Integer.parseInt(line.substring(6).trim(), 8));
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: probe below
    }
    Path probe = Path.of(System.getProperty("java.io.tmpdir"), ".sparkeval-umask-" + UUID.randomUUID());
    try {
      Files.newOutputStream(probe, StandardOpenOption.CREATE_NEW).close();
      Set<PosixFilePermission> granted = Files.getPosixFilePermissions(probe);
      int mode = 0;
      for (PosixFilePermission p : granted) mode |= 1 << (8 - p.ordinal());
      return String.format("%03o", 0666 & ~mode);
    } catch (IOException | UnsupportedOperationException e) {
      return "022";
    } finally {
      try {
        Files.deleteIfExists(probe);
      } catch (IOException e) {
        // a stray empty file in the temporary folder
      }
    }
  }
}
