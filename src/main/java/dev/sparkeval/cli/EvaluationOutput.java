package dev.sparkeval.cli;

import dev.sparkeval.report.HtmlReport;
import dev.sparkeval.report.Report;
import dev.sparkeval.report.ReportWriter;
import dev.sparkeval.spark.Evaluation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What evaluate and the demo do after the pass: the report folder written, the summary, gates and paths printed. */
final class EvaluationOutput {
  private EvaluationOutput() {}

  static void write(Command.Context ctx, Path dir, Evaluation.Result r, String input, double seconds,
                    List<Gates.Verdict> verdicts, long minSliceRows, HtmlReport.Options opts) throws IOException {
    List<Report.Gate> gates = new ArrayList<>();
    for (Gates.Verdict v : verdicts) gates.add(new Report.Gate(v.gate().text(), v.value(), v.passed()));
    ReportWriter.write(dir, Report.evaluation(r, input, seconds, gates, minSliceRows), opts);
    Summary.print(ctx.out(), r, seconds);
    Gates.print(ctx.out(), verdicts);
    ctx.out().println("report: " + dir.resolve("report.json"));
    ctx.out().println("html report: " + dir.resolve("report.html"));
  }
}
