package dev.sparkeval.cli;

import dev.sparkeval.core.Plan;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.report.Baseline;
import dev.sparkeval.report.Gates;
import dev.sparkeval.report.HistoryRow;
import dev.sparkeval.report.HistoryRows;
import dev.sparkeval.report.HtmlReport;
import dev.sparkeval.report.Report;
import dev.sparkeval.request.EvaluateOptions;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.spark.History;
import dev.sparkeval.spark.Input;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.kohsuke.args4j.Option;

/**
 * {@code evaluate}: losses and metrics over a prediction table in one pass, overall and per slice.
 * The options are {@link EvaluateOptions}, shared with SQL's sparkeval_evaluate and Python, and
 * the command line's own that read or write other tables (baseline, drift reference, history).
 */
public final class EvaluateCommand extends EvaluateOptions implements Command {
  @Option(name = "--baseline", metaVar = "PATH", usage = "a previous run's --out folder or report.json: its values and the change of each; gates may say baseline")
  String baseline;
  @Option(name = "--reference", metaVar = "PATH", usage = "a reference table (any format, as --input) to measure drift against")
  String reference;
  @Option(name = "--reference-table", metaVar = "NAME", usage = "a catalog table or view as the reference instead of --reference")
  String referenceTable;
  @Option(name = "--reference-format", metaVar = "F", usage = "parquet, csv, json or orc (default: from the extension, else --format)")
  String referenceFormat;
  @Option(name = "--drift", metaVar = "COL[,COL...]", usage = "numeric columns whose drift is measured (default: the prediction column)")
  String drift;
  @Option(name = "--history", metaVar = "PATH", usage = "append this run's values to a Parquet history table (a folder)")
  String history;
  @Option(name = "--history-table", metaVar = "NAME", usage = "append this run's values to a catalog table instead")
  String historyTable;

  @Override public int run(Context ctx) throws Exception {
    long start = System.nanoTime();
    Instant runTime = Instant.now();
    // Everything that can be checked is checked before Spark starts (a mistake costs a second, not the session).
    Evaluation.Settings s = settings();
    List<Gates.Gate> parsedGates = Gates.parse(gates);
    Path outDir = Path.of(out);
    Outputs.checkWritable(outDir);
    Input.check("--input", input, table, format);
    Plan plan = checkPlan(s);
    if (history != null && historyTable != null) throw new UsageException("give one of --history PATH or --history-table NAME, not both");
    History.check(history);
    if (reference != null && referenceTable != null) throw new UsageException("give one of --reference PATH or --reference-table NAME, not both");
    if (drift != null && reference == null && referenceTable == null) {
      throw new UsageException("--drift needs a reference table to compare with: add --reference PATH (or --reference-table NAME)");
    }
    if (reference != null) Input.check("--reference", "--reference-table", reference, null, referenceFormat(reference, referenceFormat, format));
    Baseline base = baseline == null ? null : Baseline.load(baseline);
    String note = base == null ? null : base.check(s, plan);
    if (note != null) ctx.out().println("warning: --baseline " + base.source() + ": " + note);
    Gates.checkBaseline(parsedGates, base);
    Dataset<Row> data = Input.read(ctx.spark(), input, table, format);
    Dataset<Row> ref = reference == null && referenceTable == null ? null
        : Input.read(ctx.spark(), reference, referenceTable, referenceFormat(reference, referenceFormat, format), "--reference",
            "--reference-table");
    Evaluation.Result r = Evaluation.run(data, ref, s);
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Gates.Verdict> verdicts = Gates.check(parsedGates, r.overall(), base);
    Report report = EvaluationOutput.write(ctx, outDir, r, input != null ? input : table, seconds, verdicts, minSliceRows,
        new HtmlReport.Options(sliceMetric), base, note);
    if (history != null || historyTable != null) {
      List<HistoryRow> rows = HistoryRows.of(report, UUID.randomUUID().toString(), runTime);
      if (history != null) History.appendToFolder(ctx.spark(), rows, history);
      else History.appendToTable(ctx.spark(), rows, historyTable);
      ctx.out().println("history: " + rows.size() + " rows appended to " + (history != null ? history : "table " + historyTable));
    }
    if (verdicts.stream().anyMatch(v -> !v.passed())) {
      throw new Main.GateFailure("gate failed: " + Gates.failures(verdicts));
    }
    return 0;
  }

  /** The drift columns go into the settings too. */
  @Override protected void more(Evaluation.Builder b) {
    if (drift == null) return;
    for (String c : drift.split(",")) {
      if (c.isBlank()) throw new UsageException("--drift '" + drift + "' has an empty column name; give COL[,COL...]");
      b.drift(c.trim());
    }
  }

  /** The reference's format: as given, else its extension's, else the input's --format. */
  static String referenceFormat(String path, String given, String inputFormat) {
    if (given != null || path == null) return given;
    String p = path.toLowerCase(java.util.Locale.ROOT).replaceAll("/+$", "");
    for (String ext : List.of(".parquet", ".csv", ".json", ".jsonl", ".orc")) if (p.endsWith(ext)) return null;
    return inputFormat;
  }
}
