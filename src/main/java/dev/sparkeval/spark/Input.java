package dev.sparkeval.spark;

import dev.sparkeval.core.UsageException;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads a prediction table from a file, a folder or the catalog, with clear errors for bad paths and formats. */
public final class Input {
  public static final List<String> FORMATS = List.of("parquet", "csv", "json", "orc");

  private Input() {}

  public static Dataset<Row> read(SparkSession spark, String path, String table, String format) {
    return read(spark, path, table, format, "--input", "--table");
  }

  /**
   * Reads the table given by a path option (--input, --train, --view ...) or a table option
   * (--table, --train-table ...), named so in messages; every check of {@link #check} comes first.
   */
  public static Dataset<Row> read(SparkSession spark, String path, String table, String format, String option,
                                  String tableOption) {
    String fmt = check(option, tableOption, path, table, format);
    if (table != null) {
      try {
        return spark.table(table);
      } catch (Exception e) {
        throw new UsageException(tableOption + " '" + table + "' is not a table or view in the catalog");
      }
    }
    DataFrameReader r = spark.read().format(fmt);
    if (fmt.equals("csv")) r = csv(r);
    Dataset<Row> d;
    try {
      d = r.load(path);
    } catch (Exception e) {
      if (e instanceof AnalysisException || e.getCause() instanceof AnalysisException) {
        String m = firstLine(e.getMessage());
        if (m.contains("UNABLE_TO_INFER_SCHEMA")) {
          throw new UsageException(option + " '" + path + "' holds no " + fmt + " data to read (an empty folder?): " + m);
        }
        throw new UsageException("cannot read " + option + " '" + path + "' as " + fmt + ": " + m);
      }
      throw e;
    }
    if (d.schema().isEmpty()) {
      throw new UsageException(option + " '" + path + "' is empty: it has no columns (no header) and no rows");
    }
    return d;
  }

  /**
   * What can be checked without Spark: exactly one of path and table, a known format, and for a
   * local path that it exists and holds a readable table (not empty, no damaged part file).
   * Returns the format (null for a table).
   */
  public static String check(String option, String path, String table, String format) {
    return check(option, "--table", path, table, format);
  }

  /** As {@link #check(String, String, String, String)}, naming the table option (train's --train-table). */
  public static String check(String option, String tableOption, String path, String table, String format) {
    if ((path == null) == (table == null)) {
      throw new UsageException("give exactly one of " + option + " PATH or " + tableOption + " NAME");
    }
    if (table != null) return null;
    String fmt = format != null ? format.toLowerCase(Locale.ROOT) : formatOf(option, path);
    if (!FORMATS.contains(fmt)) {
      throw new UsageException("--format '" + fmt + "' is not supported; use one of " + FORMATS);
    }
    TableFiles.check(option, path, fmt);
    return fmt;
  }

  /**
   * CSV as RFC 4180 writes it (Python's csv module, pandas, Excel, R): a header, "" for a quote
   * inside a quoted field (Spark's default escape is a backslash, which mangles such fields), and
   * line breaks inside quoted fields (multiLine; a file is then read by one task, not split).
   */
  public static DataFrameReader csv(DataFrameReader r) {
    return r.option("header", "true").option("inferSchema", "true").option("quote", "\"").option("escape", "\"")
        .option("multiLine", "true");
  }

  static String formatOf(String option, String path) {
    String p = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    if (p.endsWith(".parquet")) return "parquet";
    if (p.endsWith(".csv")) return "csv";
    if (p.endsWith(".json") || p.endsWith(".jsonl")) return "json";
    if (p.endsWith(".orc")) return "orc";
    throw new UsageException("cannot tell the format of " + option + " '" + path
        + "' from its extension; add --format with one of " + FORMATS);
  }

  /**
   * A Spark failure to read an input file (FAILED_READ_FILE: a damaged part file found while
   * reading) as the one-line refusal of a bad input, naming the file; null for any other failure.
   */
  public static UsageException unreadable(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof org.apache.spark.SparkThrowable st && st.getCondition() != null
          && st.getCondition().startsWith("FAILED_READ_FILE")) {
        Throwable root = c;
        while (root.getCause() != null) root = root.getCause();
        String file = st.getMessageParameters().getOrDefault("path", "?");
        String why = root == c ? "" : ": " + firstLine(String.valueOf(root.getMessage()));
        return new UsageException("cannot read the input file " + file + " (" + st.getCondition() + why
            + "); the file is damaged or not of the table's format: remove it or write the table again", t);
      }
    }
    return null;
  }

  static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
