package dev.sparkeval.cli;

import dev.sparkeval.core.Role;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.report.HtmlReport;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.spark.Input;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.kohsuke.args4j.Option;

/** {@code evaluate}: losses and metrics over a prediction table in one pass, overall and per slice. */
public final class EvaluateCommand implements Command {
  @Option(name = "--input", metaVar = "PATH", usage = "file or folder (.parquet, .csv, .json/.jsonl, .orc)")
  String input;
  @Option(name = "--table", metaVar = "NAME", usage = "a catalog table or view instead of --input")
  String table;
  @Option(name = "--format", metaVar = "F", usage = "parquet, csv, json or orc (default: from the extension)")
  String format;
  @Option(name = "--task", metaVar = "T", required = true, usage = "regression, binary, multiclass, multilabel, distribution, embedding, segmentation")
  String task;
  @Option(name = "--label", metaVar = "COL", usage = "true value / class / target vector (default label)")
  String label = "label";
  @Option(name = "--prediction", metaVar = "COL", usage = "prediction column (default: prediction for regression, probability for classification)")
  String prediction;
  @Option(name = "--logits", usage = "the prediction column holds logits, not probabilities")
  boolean logits;
  @Option(name = "--weight", metaVar = "COL", usage = "example weights (finite, >= 0)")
  String weight;
  @Option(name = "--target", metaVar = "COL", usage = "+1/-1 similarity target for cosine_embedding")
  String target;
  @Option(name = "--anchor", metaVar = "COL", usage = "anchor embedding for triplet")
  String anchor;
  @Option(name = "--positive", metaVar = "COL", usage = "positive embedding for triplet")
  String positive;
  @Option(name = "--negative", metaVar = "COL", usage = "negative embedding for triplet")
  String negative;
  @Option(name = "--loss", metaVar = "SPEC", usage = "a loss, repeatable (NAME or NAME:key=value,...)")
  List<String> losses = new ArrayList<>();
  @Option(name = "--metric", metaVar = "SPEC", usage = "a metric, repeatable")
  List<String> metrics = new ArrayList<>();
  @Option(name = "--class-weights", metaVar = "W0,W1,...", usage = "per-class weights for the losses that take them")
  String classWeights;
  @Option(name = "--ignore-index", metaVar = "N", usage = "classification rows whose label is N (PyTorch's -100 padding)"
      + " are left out of every loss and metric and counted in rows_ignored; multilabel: label elements")
  Integer ignoreIndex;
  @Option(name = "--threshold", metaVar = "X", usage = "binary decision threshold on the probability (default 0.5)")
  double threshold = 0.5;
  @Option(name = "--slice", metaVar = "COL[,COL...]", usage = "also report per value (combination) of these columns")
  String slice;
  @Option(name = "--gate", metaVar = "SPEC<=X", usage = "fail with exit 3 when the overall value breaks the bound; repeatable")
  List<String> gates = new ArrayList<>();
  @Option(name = "--bad-rows", metaVar = "fail|skip", usage = "fail on the first bad row (default), or skip and count bad rows")
  String badRows = "fail";
  @Option(name = "--partitions", metaVar = "N", usage = "repartition the input first")
  int partitions;
  @Option(name = "--max-slices", metaVar = "N", usage = "most distinct slices allowed (default 10000)")
  int maxSlices = 10_000;
  @Option(name = "--max-classes", metaVar = "K", usage = "most classes a multiclass/multilabel evaluation accepts (default 2000)")
  int maxClasses = 2_000;
  @Option(name = "--bootstrap", metaVar = "N", usage = "N-replicate Poisson bootstrap in the same pass: 95% intervals (default off)")
  int bootstrap;
  @Option(name = "--seed", metaVar = "N", usage = "seed of the bootstrap draws (default 42)")
  long seed = 42;
  @Option(name = "--min-slice-rows", metaVar = "N", usage = "hide slices with fewer rows in report.html (kept in report.json, flagged)")
  long minSliceRows;
  @Option(name = "--slice-metric", metaVar = "SPEC", usage = "the loss or metric that sorts the slice table in report.html")
  String sliceMetric;
  @Option(name = "--out", metaVar = "DIR", usage = "report folder (default out/evaluate)")
  String out = "out/evaluate";

  @Override public int run(Context ctx) throws Exception {
    long start = System.nanoTime();
    Evaluation.Settings s = settings();
    List<Gates.Gate> parsedGates = Gates.parse(gates);
    Path outDir = Path.of(out);
    Outputs.checkWritable(outDir);
    Dataset<Row> data = Input.read(ctx.spark(), input, table, format);
    Evaluation.Result r = Evaluation.run(data, s);
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Gates.Verdict> verdicts = Gates.check(parsedGates, r.overall());
    if (sliceMetric != null && !r.overall().losses().containsKey(sliceMetric) && !r.overall().metrics().containsKey(sliceMetric)) {
      throw new UsageException("--slice-metric '" + sliceMetric + "' is not computed; add it with --loss or --metric (spelled the same)");
    }
    EvaluationOutput.write(ctx, outDir, r, input != null ? input : table, seconds, verdicts, minSliceRows,
        new HtmlReport.Options(sliceMetric));
    if (verdicts.stream().anyMatch(v -> !v.passed())) {
      throw new Main.GateFailure("gate failed: " + Gates.failures(verdicts));
    }
    return 0;
  }

  Evaluation.Settings settings() {
    if (minSliceRows < 0) throw new UsageException("--min-slice-rows must be >= 0, got " + minSliceRows);
    Evaluation.Builder b = Evaluation.settings().task(Task.parse(task)).label(label)
        .loss(losses.toArray(String[]::new)).metric(metrics.toArray(String[]::new))
        .logits(logits).threshold(threshold).skipBadRows(skipBadRows(badRows)).partitions(partitions)
        .maxSlices(maxSlices).maxClasses(maxClasses).bootstrap(bootstrap).seed(seed).ignoreIndex(ignoreIndex);
    if (prediction != null) b.prediction(prediction);
    if (weight != null) b.weight(weight);
    if (target != null) b.column(Role.TARGET, target);
    if (anchor != null) b.column(Role.ANCHOR, anchor);
    if (positive != null) b.column(Role.POSITIVE, positive);
    if (negative != null) b.column(Role.NEGATIVE, negative);
    if (classWeights != null) b.classWeights(parseWeights(classWeights));
    if (slice != null) {
      for (String c : slice.split(",")) if (!c.isBlank()) b.slice(c.trim());
    }
    return Flags.build(b::build);
  }

  static boolean skipBadRows(String badRows) {
    return switch (badRows) {
      case "fail" -> false;
      case "skip" -> true;
      default -> throw new UsageException("--bad-rows must be fail or skip, got '" + badRows + "'");
    };
  }

  static double[] parseWeights(String text) {
    String[] parts = text.split(",");
    double[] w = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        w[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new UsageException("--class-weights: '" + parts[i] + "' is not a number; expected W0,W1,... such as 1,2.5");
      }
      if (!Double.isFinite(w[i]) || w[i] < 0) {
        throw new UsageException("--class-weights: weight " + i + " is " + parts[i] + "; class weights must be finite and >= 0");
      }
    }
    return w;
  }
}
