package dev.sparkeval.cli;

import dev.sparkeval.core.Plan;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.report.Gates;
import dev.sparkeval.report.HtmlReport;
import dev.sparkeval.report.ReportWriter;
import dev.sparkeval.request.EvaluateOptions;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.spark.Input;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code evaluate}: losses and metrics over a prediction table in one pass, overall and per slice.
 * The options are {@link EvaluateOptions}, shared with SQL's sparkeval_evaluate and Python.
 */
public final class EvaluateCommand extends EvaluateOptions implements Command {
  @Override public int run(Context ctx) throws Exception {
    long start = System.nanoTime();
    // Everything that can be checked is checked before Spark starts (a mistake costs a second, not the session).
    Evaluation.Settings s = settings();
    List<Gates.Gate> parsedGates = Gates.parse(gates);
    Path outDir = Path.of(out);
    Outputs.checkWritable(outDir);
    Input.check("--input", input, table, format);
    Plan plan = Evaluation.plan(s);
    Gates.checkComputed(parsedGates, plan);
    if (sliceMetric != null && !Gates.computed(plan).contains(sliceMetric)) {
      throw new UsageException("--slice-metric '" + sliceMetric + "' is not computed; add it with --loss or --metric (spelled the same)");
    }
    Dataset<Row> data = Input.read(ctx.spark(), input, table, format);
    Evaluation.Result r = Evaluation.run(data, s);
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Gates.Verdict> verdicts = Gates.check(parsedGates, r.overall());
    ReportWriter.write(outDir, report(r, input != null ? input : table, verdicts, seconds), new HtmlReport.Options(sliceMetric));
    EvaluationOutput.print(ctx, outDir, r, seconds, verdicts);
    if (verdicts.stream().anyMatch(v -> !v.passed())) {
      throw new Main.GateFailure("gate failed: " + Gates.failures(verdicts));
    }
    return 0;
  }
}
