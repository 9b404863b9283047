package dev.sparkeval.cli;

import dev.sparkeval.core.UsageException;
import dev.sparkeval.io.AtomicFiles;
import dev.sparkeval.spark.Input;
import dev.sparkeval.spark.sql.SqlFunctions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.kohsuke.args4j.Argument;
import org.kohsuke.args4j.Option;

/** {@code sql QUERY}: Spark SQL with every loss and metric registered as an aggregate function; prints the result, optionally writes CSV. */
public final class SqlCommand implements Command {
  @Argument(metaVar = "QUERY", usage = "the SQL query, for example \"SELECT segment, mse(label, prediction) FROM parquet.`preds.parquet` GROUP BY segment\"")
  List<String> query = new ArrayList<>();
  @Option(name = "--view", metaVar = "NAME=PATH", usage = "make a file or folder a view named NAME first (format from the extension); repeatable")
  List<String> views = new ArrayList<>();
  @Option(name = "--max-rows", metaVar = "N", usage = "most result rows to collect (default 10000)")
  int maxRows = 10_000;
  @Option(name = "--out", metaVar = "DIR", usage = "also write the result to DIR/result.csv (with a header)")
  String out;

  @Override public int run(Context ctx) throws Exception {
    if (query.isEmpty() || String.join(" ", query).isBlank()) {
      throw new UsageException("sql needs a QUERY, as in: sql \"SELECT mse(label, prediction) FROM parquet.`preds.parquet`\"");
    }
    if (maxRows < 1) throw new UsageException("--max-rows must be >= 1, got " + maxRows);
    if (out != null) Outputs.checkWritable(Path.of(out));
    for (String v : views) { // before Spark starts
      int eq = v.indexOf('=');
      if (eq <= 0 || eq == v.length() - 1) throw new UsageException("--view '" + v + "' must read NAME=PATH, as in preds=out/preds.parquet");
      Input.check("--view", v.substring(eq + 1), null, null);
    }
    SparkSession spark = ctx.spark();
    SqlFunctions.register(spark);
    for (String v : views) {
      int eq = v.indexOf('=');
      Input.read(spark, v.substring(eq + 1), null, null, "--view", "--table").createOrReplaceTempView(v.substring(0, eq).trim());
    }
    String sql = String.join(" ", query);
    Dataset<Row> result;
    try {
      result = spark.sql(sql);
    } catch (Exception e) { // Scala throws AnalysisException (parse and analysis errors) without declaring it
      UsageException u = Main.usageCause(e);
      if (u != null) throw u;
      if (e instanceof AnalysisException) throw new UsageException("sql: " + firstLine(e.getMessage()), e);
      throw e;
    }
    List<Row> rows;
    try (QuietTaskFailures quiet = new QuietTaskFailures(ctx.verbose())) {
      rows = result.limit(maxRows + 1).collectAsList();
    } catch (Exception e) {
      UsageException u = Main.usageCause(e);
      if (u != null) throw u;
      SparkThrowable q = queryError(e);
      if (q != null) throw new UsageException("sql: " + firstLine(((Throwable) q).getMessage()), e);
      throw e;
    }
    if (rows.size() > maxRows) {
      throw new UsageException("the result has more than " + maxRows + " rows; aggregate further, add LIMIT, or raise --max-rows");
    }
    ResultTable table = new ResultTable(result.columns(), rows);
    table.print(ctx.out());
    if (out != null) {
      Path dir = Path.of(out);
      AtomicFiles.write(dir, Map.of("result.csv", table.csv()));
      ctx.out().println("result: " + dir.resolve("result.csv"));
    }
    return 0;
  }

  /** The first line of a message that says something (Spark's parse errors start with a blank line). */
  static String firstLine(String s) {
    if (s == null) return "";
    return s.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
  }

  /** The error of the query itself (a cast, an overflow, a division by zero) inside a failed job, or null. */
  static SparkThrowable queryError(Throwable t) {
    SparkThrowable found = null;
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SparkThrowable s && s.getCondition() != null && !(c instanceof org.apache.spark.SparkException)) found = s;
    }
    return found;
  }
}
