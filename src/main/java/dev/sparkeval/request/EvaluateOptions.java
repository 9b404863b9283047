package dev.sparkeval.request;

import dev.sparkeval.core.Plan;
import dev.sparkeval.core.OptionValues;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.report.Gates;
import dev.sparkeval.report.Report;
import dev.sparkeval.spark.Evaluation;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.args4j.CmdLineException;
import org.kohsuke.args4j.CmdLineParser;
import org.kohsuke.args4j.Option;

/**
 * The evaluate command's options, shared by every way in: the command line (whose evaluate
 * command extends this), the SQL function {@code sparkeval_evaluate} and the Python package. One
 * parser and one set of checks, so a bad option gets the same one-line message everywhere.
 */
public class EvaluateOptions {
  @Option(name = "--input", metaVar = "PATH", usage = "file or folder (.parquet, .csv, .json/.jsonl, .orc)")
  public String input;
  @Option(name = "--table", metaVar = "NAME", usage = "a catalog table or view instead of --input")
  public String table;
  @Option(name = "--format", metaVar = "F", usage = "parquet, csv, json or orc (default: from the extension)")
  public String format;
  @Option(name = "--task", metaVar = "T", required = true, usage = "regression, binary, multiclass, multilabel, distribution, embedding, segmentation, ranking, clustering")
  public String task;
  @Option(name = "--label", metaVar = "COL", usage = "true value / class / target vector (default label)")
  public String label = "label";
  @Option(name = "--prediction", metaVar = "COL", usage = "prediction column (default: prediction for regression, probability for classification)")
  public String prediction;
  @Option(name = "--logits", usage = "the prediction column holds logits, not probabilities")
  public boolean logits;
  @Option(name = "--label-sets", usage = "multilabel: label and prediction hold arrays of label ids (MLlib's layout),"
      + " not 0/1 vectors and scores")
  public boolean labelSets;
  @Option(name = "--weight", metaVar = "COL", usage = "example weights (finite, >= 0)")
  public String weight;
  @Option(name = "--query", metaVar = "COL", usage = "ranking: the query (or user) id; rows are then one item each, grouped by it")
  public String query;
  @Option(name = "--features", metaVar = "COL", usage = "clustering: the feature vectors (default features)")
  public String features;
  @Option(name = "--target", metaVar = "COL", usage = "+1/-1 similarity target for cosine_embedding")
  public String target;
  @Option(name = "--anchor", metaVar = "COL", usage = "anchor embedding for triplet")
  public String anchor;
  @Option(name = "--positive", metaVar = "COL", usage = "positive embedding for triplet")
  public String positive;
  @Option(name = "--negative", metaVar = "COL", usage = "negative embedding for triplet")
  public String negative;
  @Option(name = "--loss", metaVar = "SPEC", usage = "a loss, repeatable (NAME or NAME:key=value,...)")
  public List<String> losses = new ArrayList<>();
  @Option(name = "--metric", metaVar = "SPEC", usage = "a metric, repeatable")
  public List<String> metrics = new ArrayList<>();
  @Option(name = "--class-weights", metaVar = "W0,W1,...", usage = "per-class weights for the losses that take them")
  public String classWeights;
  @Option(name = "--ignore-index", metaVar = "N", usage = "classification rows whose label is N (PyTorch's -100 padding)"
      + " are left out of every loss and metric and counted in rows_ignored; multilabel: label elements")
  public Integer ignoreIndex;
  @Option(name = "--threshold", metaVar = "X", usage = "binary decision threshold on the probability (default 0.5)")
  public double threshold = 0.5;
  @Option(name = "--slice", metaVar = "COL[,COL...]", usage = "also report per value (combination) of these columns")
  public String slice;
  @Option(name = "--gate", metaVar = "SPEC<=X", usage = "fail with exit 3 when the overall value breaks the bound; repeatable")
  public List<String> gates = new ArrayList<>();
  @Option(name = "--bad-rows", metaVar = "fail|skip", usage = "fail on the first bad row (default), or skip and count bad rows")
  public String badRows = "fail";
  @Option(name = "--partitions", metaVar = "N", usage = "repartition the input first")
  public int partitions;
  @Option(name = "--max-slices", metaVar = "N", usage = "most distinct slices allowed (default 10000)")
  public int maxSlices = 10_000;
  @Option(name = "--max-classes", metaVar = "K", usage = "most classes a multiclass/multilabel evaluation accepts (default 2000)")
  public int maxClasses = 2_000;
  @Option(name = "--bootstrap", metaVar = "N", usage = "N-replicate Poisson bootstrap in the same pass: 95% intervals (default off)")
  public int bootstrap;
  @Option(name = "--seed", metaVar = "N", usage = "seed of the bootstrap draws (default 42)")
  public long seed = 42;
  @Option(name = "--min-slice-rows", metaVar = "N", usage = "hide slices with fewer rows in report.html (kept in report.json, flagged)")
  public long minSliceRows;
  @Option(name = "--slice-metric", metaVar = "SPEC", usage = "the loss or metric that sorts the slice table in report.html")
  public String sliceMetric;
  @Option(name = "--out", metaVar = "DIR", usage = "report folder (default out/evaluate)")
  public String out = "out/evaluate";

  /** Options that name where a table comes from or where files go: the command line's alone. */
  private static final List<String> FILE_OPTIONS = List.of("--input", "--table", "--format", "--out", "--partitions");

  /**
   * Parses options given as command-line arguments, for a caller other than the command line
   * ({@code who}, e.g. sparkeval_evaluate): only the options that describe the evaluation, since
   * the rows come from the caller's query. {@code --input NAME} is kept as the report's input label.
   */
  public static EvaluateOptions parse(List<String> args, String who) {
    for (String a : args) {
      if (FILE_OPTIONS.contains(a) && !a.equals("--input")) {
        throw new UsageException(who + ": " + a + " is not one of its options: it evaluates the rows it is given"
            + " (options: --task, --label, --prediction, --weight, --loss, --metric, --slice, ...)");
      }
    }
    EvaluateOptions o = new EvaluateOptions();
    try {
      new CmdLineParser(o).parseArgument(args);
    } catch (CmdLineException e) {
      throw new UsageException(who + ": " + e.getMessage());
    }
    o.checkPlan(o.settings()); // every check now, before any row is read
    return o;
  }

  /**
   * The plan of these settings, with what can be checked before any row is read: every spec, and
   * that each gate and the slice metric name a computed value.
   */
  public Plan checkPlan(Evaluation.Settings s) {
    Plan plan = Evaluation.plan(s);
    Gates.checkComputed(Gates.parse(gates), plan);
    if (sliceMetric != null && !Gates.computed(plan).contains(sliceMetric)) {
      throw new UsageException("--slice-metric '" + sliceMetric + "' is not computed; add it with --loss or --metric (spelled the same)");
    }
    return plan;
  }

  /** The settings these options describe, checked; a bad value is reported with its option. */
  public Evaluation.Settings settings() {
    if (minSliceRows < 0) throw new UsageException("--min-slice-rows must be >= 0, got " + minSliceRows);
    Evaluation.Builder b = Evaluation.settings().task(Task.parse(task)).label(label)
        .loss(losses.toArray(String[]::new)).metric(metrics.toArray(String[]::new))
        .logits(logits).labelSets(labelSets).threshold(threshold).skipBadRows(skipBadRows(badRows)).partitions(partitions)
        .maxSlices(maxSlices).maxClasses(maxClasses).bootstrap(bootstrap).seed(seed).ignoreIndex(ignoreIndex);
    if (prediction != null) b.prediction(prediction);
    if (weight != null) b.weight(weight);
    if (query != null) b.query(query);
    if (features != null) b.features(features);
    if (target != null) b.column(Role.TARGET, target);
    if (anchor != null) b.column(Role.ANCHOR, anchor);
    if (positive != null) b.column(Role.POSITIVE, positive);
    if (negative != null) b.column(Role.NEGATIVE, negative);
    if (slice != null) {
      for (String c : slice.split(",")) if (!c.isBlank()) b.slice(c.trim());
    }
    more(b);
    return Flags.build(() -> {
      if (classWeights != null) b.classWeights(OptionValues.classWeights(classWeights, ','));
      return b.build();
    });
  }

  /** Settings from options a subclass adds (the command line's drift columns); none here. */
  protected void more(Evaluation.Builder b) {}

  static boolean skipBadRows(String badRows) {
    return switch (badRows) {
      case "fail" -> false;
      case "skip" -> true;
      default -> throw new UsageException("--bad-rows must be fail or skip, got '" + badRows + "'");
    };
  }

  /**
   * The report of a finished evaluation as every way in writes it (command line, sparkeval_evaluate,
   * Python): the values, the gates' verdicts, the bootstrap block and the small-slice flags.
   */
  public Report report(Evaluation.Result r, String inputLabel, List<Gates.Verdict> verdicts, double seconds) {
    checkSliceMetric(r);
    return Report.evaluation(r, inputLabel, seconds, Gates.toReport(verdicts), minSliceRows);
  }

  /** Fails when --slice-metric names a value that was not computed (it sorts the slice table of report.html). */
  void checkSliceMetric(Evaluation.Result r) {
    if (sliceMetric != null && !r.overall().losses().containsKey(sliceMetric) && !r.overall().metrics().containsKey(sliceMetric)) {
      throw new UsageException("--slice-metric '" + sliceMetric + "' is not computed; add it with --loss or --metric (spelled the same)");
    }
  }
}
