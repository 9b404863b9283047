package dev.sparkeval.cli;

import dev.sparkeval.report.Baseline;
import dev.sparkeval.report.Gates;
import dev.sparkeval.report.HtmlReport;
import dev.sparkeval.report.Report;
import dev.sparkeval.report.ReportWriter;
import dev.sparkeval.spark.Evaluation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** What evaluate and the demo do after the pass: the report folder written, the summary, gates and paths printed. */
final class EvaluationOutput {
  private EvaluationOutput() {}

  static Report write(Command.Context ctx, Path dir, Evaluation.Result r, String input, double seconds,
                      List<Gates.Verdict> verdicts, long minSliceRows, HtmlReport.Options opts) throws IOException {
    return write(ctx, dir, r, input, seconds, verdicts, minSliceRows, opts, null, null);
  }

  /** The same with a baseline to compare with (null: none) and the note its check left. */
  static Report write(Command.Context ctx, Path dir, Evaluation.Result r, String input, double seconds,
                      List<Gates.Verdict> verdicts, long minSliceRows, HtmlReport.Options opts, Baseline baseline,
                      String baselineNote) throws IOException {
    Report report = Report.evaluation(r, input, seconds, Gates.toReport(verdicts), minSliceRows, baseline, baselineNote);
    ReportWriter.write(dir, report, opts);
    Summary.print(ctx.out(), r, seconds);
    Summary.comparison(ctx.out(), report);
    Gates.print(ctx.out(), verdicts);
    ctx.out().println("report: " + dir.resolve("report.json"));
    ctx.out().println("html report: " + dir.resolve("report.html"));
    return report;
  }
}
