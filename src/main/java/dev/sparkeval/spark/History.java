package dev.sparkeval.spark;

import dev.sparkeval.core.UsageException;
import dev.sparkeval.report.HistoryRow;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The metric history: one row per (run, slice, value), appended to a Parquet folder or a catalog
 * table, a run's rows all or none.
 *
 * <p>A folder: the run's rows are written as one Parquet file in a staging folder of their own under
 * the table's {@code _staging/} (hidden from readers, as every name starting with _ is), then that
 * one file is renamed into the table. Spark's own append would not do: its commit protocol moves a
 * job's files in one by one at job commit, and two jobs appending to one folder share its
 * {@code _temporary} folder, where the first to finish deletes the other's files. A single rename
 * is atomic on HDFS and local disks, and an object store shows a copied object whole, so readers
 * see a run's rows all or none, and concurrent runs never touch each other's files.
 *
 * <p>A catalog table: one append of one file through the catalog; Delta and Iceberg commit it as
 * one transaction (concurrent appends included); a plain file table of the built-in catalog gets
 * its one file at job commit (concurrent appends to such a table may fail, never half-appear).
 */
public final class History {
  public static final StructType SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType, false).add("run_time", DataTypes.TimestampType, false)
      .add("input", DataTypes.StringType).add("task", DataTypes.StringType).add("slice", DataTypes.StringType)
      .add("name", DataTypes.StringType, false).add("value", DataTypes.DoubleType).add("low", DataTypes.DoubleType)
      .add("high", DataTypes.DoubleType).add("rows", DataTypes.LongType, false)
      .add("gate_min", DataTypes.DoubleType).add("gate_max", DataTypes.DoubleType);

  private History() {}

  public static Dataset<Row> frame(SparkSession spark, List<HistoryRow> rows) {
    List<Row> out = new ArrayList<>();
    for (HistoryRow h : rows) {
      out.add(RowFactory.create(h.runId(), Timestamp.from(h.runTime()), h.input(), h.task(), h.slice(), h.name(), h.value(),
          h.low(), h.high(), h.rows(), h.gateMin(), h.gateMax()));
    }
    return spark.createDataFrame(out, SCHEMA).coalesce(1);
  }

  /** What can be checked before the run: a local history path must be a folder (or not exist yet). */
  public static void check(String path) {
    if (path == null || path.contains("://")) return;
    java.nio.file.Path p = java.nio.file.Path.of(path);
    if (java.nio.file.Files.exists(p) && !java.nio.file.Files.isDirectory(p)) {
      throw new UsageException("--history '" + path + "' is a file; give a folder, which holds the history as a Parquet table");
    }
  }

  /** Appends one run's rows to the Parquet folder at path. */
  public static void appendToFolder(SparkSession spark, List<HistoryRow> rows, String path) throws IOException {
    Path dir = new Path(path);
    FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (fs.exists(dir) && !fs.getFileStatus(dir).isDirectory()) {
      throw new UsageException("--history '" + path + "' is a file; give a folder, which holds the history as a Parquet table");
    }
    String run = rows.isEmpty() ? "empty" : rows.get(0).runId();
    Path staging = new Path(new Path(dir, "_staging"), run);
    try {
      frame(spark, rows).write().parquet(staging.toString());
      FileStatus[] parts = fs.globStatus(new Path(staging, "part-*"));
      if (parts == null || parts.length != 1) throw new IOException("expected one part file in " + staging + ", found " + (parts == null ? 0 : parts.length));
      Path target = new Path(dir, "run-" + stamp(rows) + "-" + run + ".parquet");
      if (!fs.rename(parts[0].getPath(), target)) throw new IOException("could not rename " + parts[0].getPath() + " to " + target);
    } finally {
      fs.delete(staging, true);
    }
  }

  private static String stamp(List<HistoryRow> rows) {
    return rows.isEmpty() ? "0" : String.valueOf(rows.get(0).runTime().toEpochMilli());
  }

  /** Appends one run's rows to a catalog table (created with the session's default format when absent). */
  public static void appendToTable(SparkSession spark, List<HistoryRow> rows, String table) {
    try {
      frame(spark, rows).write().mode("append").saveAsTable(table);
    } catch (Exception e) {
      if (e instanceof org.apache.spark.sql.AnalysisException || e.getCause() instanceof org.apache.spark.sql.AnalysisException) {
        throw new UsageException("--history-table '" + table + "' cannot take the history rows: " + Input.firstLine(e.getMessage())
            + "; give a new table name, or a table with the history columns " + String.join(", ", SCHEMA.fieldNames()));
      }
      throw e;
    }
  }

  /** The history table at a path (Parquet folder) or by catalog name. */
  public static Dataset<Row> read(SparkSession spark, String path, String table) {
    if ((path == null) == (table == null)) throw new UsageException("give exactly one of --history PATH or --history-table NAME");
    if (table != null) {
      try {
        return spark.table(table);
      } catch (Exception e) {
        throw new UsageException("--history-table '" + table + "' is not a table in the catalog");
      }
    }
    if (!path.contains("://") && !java.nio.file.Files.isDirectory(java.nio.file.Path.of(path))) {
      throw new UsageException("--history '" + path + "' is not a folder; give the folder that evaluate --history wrote");
    }
    try {
      return spark.read().option("mergeSchema", "true").parquet(path);
    } catch (Exception e) {
      throw new UsageException("cannot read --history '" + path + "' as a Parquet table: " + Input.firstLine(e.getMessage()));
    }
  }

  /** The rows of a history table, checked for the columns the trend report needs. */
  public static List<HistoryRow> collect(Dataset<Row> history, String what) {
    for (String c : List.of("run_id", "run_time", "name", "value")) {
      if (!List.of(history.schema().fieldNames()).contains(c)) {
        throw new UsageException(what + " is not a sparkeval history: it has no column '" + c + "' (columns: "
            + String.join(", ", history.schema().fieldNames()) + ")");
      }
    }
    List<HistoryRow> out = new ArrayList<>();
    List<String> cols = List.of(history.schema().fieldNames());
    for (Row r : history.collectAsList()) {
      out.add(new HistoryRow(r.getAs("run_id"), ((Timestamp) r.getAs("run_time")).toInstant(), text(r, cols, "input"),
          text(r, cols, "task"), text(r, cols, "slice"), r.getAs("name"), num(r, cols, "value"), num(r, cols, "low"),
          num(r, cols, "high"), cols.contains("rows") && !r.isNullAt(r.fieldIndex("rows")) ? ((Number) r.getAs("rows")).longValue() : 0,
          num(r, cols, "gate_min"), num(r, cols, "gate_max")));
    }
    return out;
  }

  private static String text(Row r, List<String> cols, String c) {
    return cols.contains(c) && !r.isNullAt(r.fieldIndex(c)) ? r.getAs(c).toString() : null;
  }

  private static Double num(Row r, List<String> cols, String c) {
    return cols.contains(c) && !r.isNullAt(r.fieldIndex(c)) ? ((Number) r.getAs(c)).doubleValue() : null;
  }
}
