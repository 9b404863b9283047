package dev.sparkeval.spark;

import dev.sparkeval.core.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    if ((path == null) == (table == null)) {
      throw new UsageException("give exactly one of --input PATH or --table NAME");
    }
    if (table != null) {
      try {
        return spark.table(table);
      } catch (Exception e) {
        throw new UsageException("--table '" + table + "' is not a table or view in the catalog");
      }
    }
    String fmt = format != null ? format.toLowerCase(Locale.ROOT) : formatOf(path);
    if (!FORMATS.contains(fmt)) {
      throw new UsageException("--format '" + fmt + "' is not supported; use one of " + FORMATS);
    }
    if (!path.contains("://") && !Files.exists(Path.of(path))) {
      throw new UsageException("--input '" + path + "' does not exist");
    }
    if (!path.contains("://") && !Files.isReadable(Path.of(path))) {
      throw new UsageException("--input '" + path + "' is not readable");
    }
    DataFrameReader r = spark.read().format(fmt);
    if (fmt.equals("csv")) r = csv(r);
    try {
      return r.load(path);
    } catch (Exception e) {
      if (e instanceof AnalysisException || e.getCause() instanceof AnalysisException) {
        throw new UsageException("cannot read --input '" + path + "' as " + fmt + ": " + firstLine(e.getMessage()));
      }
      throw e;
    }
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

  static String formatOf(String path) {
    String p = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    if (p.endsWith(".parquet")) return "parquet";
    if (p.endsWith(".csv")) return "csv";
    if (p.endsWith(".json") || p.endsWith(".jsonl")) return "json";
    if (p.endsWith(".orc")) return "orc";
    throw new UsageException("cannot tell the format of --input '" + path
        + "' from its extension; add --format with one of " + FORMATS);
  }

  static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
