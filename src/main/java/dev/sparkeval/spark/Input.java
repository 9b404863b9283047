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
    return read(spark, "--input", path, table, format);
  }

  /** Reads the table that option (--input, --reference ...) names by path, or the catalog table. */
  public static Dataset<Row> read(SparkSession spark, String option, String path, String table, String format) {
    if ((path == null) == (table == null)) {
      throw new UsageException("give exactly one of " + option + " PATH or --table NAME");
    }
    if (table != null) {
      try {
        return spark.table(table);
      } catch (Exception e) {
        throw new UsageException("--table '" + table + "' is not a table or view in the catalog");
      }
    }
    String fmt = format != null ? format.toLowerCase(Locale.ROOT) : formatOf(option, path);
    if (!FORMATS.contains(fmt)) {
      throw new UsageException("--format '" + fmt + "' is not supported; use one of " + FORMATS);
    }
    if (!path.contains("://") && !Files.exists(Path.of(path))) {
      throw new UsageException(option + " '" + path + "' does not exist");
    }
    if (!path.contains("://") && !Files.isReadable(Path.of(path))) {
      throw new UsageException(option + " '" + path + "' is not readable");
    }
    DataFrameReader r = spark.read().format(fmt);
    if (fmt.equals("csv")) r = r.option("header", "true").option("inferSchema", "true");
    try {
      return r.load(path);
    } catch (Exception e) {
      if (e instanceof AnalysisException || e.getCause() instanceof AnalysisException) {
        throw new UsageException("cannot read " + option + " '" + path + "' as " + fmt + ": " + firstLine(e.getMessage()));
      }
      throw e;
    }
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

  static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
