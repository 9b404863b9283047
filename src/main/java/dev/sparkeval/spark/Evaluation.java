package dev.sparkeval.spark;

import dev.sparkeval.catalog.Catalogs;
import dev.sparkeval.catalog.Tasks;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.InvalidSetting;
import dev.sparkeval.core.OptionValues;
import dev.sparkeval.core.ReportPart;
import dev.sparkeval.core.Partial;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.Roles;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.core.Value;
import dev.sparkeval.drift.Drift;
import dev.sparkeval.spark.eval.Binding;
import dev.sparkeval.spark.eval.DriftJob;
import dev.sparkeval.spark.eval.Engine;
import dev.sparkeval.spark.eval.GroupedPass;
import dev.sparkeval.spark.eval.Layouts;
import dev.sparkeval.spark.eval.OrderJob;
import dev.sparkeval.spark.eval.RowReader;
import dev.sparkeval.spark.eval.SilhouetteJob;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Evaluates a prediction table: binds columns, runs the one pass, checks bad rows, and finishes
 * every loss and metric overall and per slice. The CLI's evaluate command is built on this.
 *
 * <p>Programs start with {@link #of(Dataset)}:
 * <pre>{@code
 * Evaluation.Result r = Evaluation.of(predictions)
 *     .task(Task.REGRESSION).loss("mse").loss("huber:delta=0.5").metric("r2").slice("segment")
 *     .run();
 * double mse = r.value("mse");
 * }</pre>
 * Every value comes from one pass over the table; bad usage or bad rows throw a
 * {@link UsageException} whose message names the fault.
 */
public final class Evaluation {
  /**
   * What to evaluate and how, checked: built only by {@link Builder#build()} (start with
   * {@link Evaluation#of(Dataset)} or {@link Evaluation#settings()}), so every value has been
   * validated in one place. A new setting is one component here and one method (with its check,
   * if it can be wrong) in {@link Builder}; the command line maps it to its option by name
   * ({@code maxSlices} is {@code --max-slices}).
   *
   * @param columns   the column of each role; label and prediction always bound (defaults filled in)
   * @param labelSets multilabel label and prediction columns hold arrays of label ids (MLlib's layout)
   * @param bootstrap Poisson bootstrap replicates (0: off), drawn with {@code seed}
   * @param drift     the columns whose drift against a reference table is measured (empty: the
   *                  prediction column, when there is a reference)
   * @param ignoreIndex the label value of rows left out of every loss and metric (multilabel: of
   *                    label elements), or null for none
   */
  public record Settings(Task task, Map<Role, String> columns, List<String> losses, List<String> metrics, List<String> slices,
                         boolean logits, boolean labelSets, double threshold, double[] classWeights, boolean skipBadRows,
                         int partitions, int maxSlices, int maxClasses, int bootstrap, long seed, List<String> drift,
                         Integer ignoreIndex) {
    public Settings {
      columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
      losses = List.copyOf(losses);
      metrics = List.copyOf(metrics);
      slices = List.copyOf(slices);
      drift = List.copyOf(drift);
      classWeights = classWeights == null ? null : classWeights.clone();
    }

    @Override public double[] classWeights() {
      return classWeights == null ? null : classWeights.clone();
    }

    /** The options the measures of these settings depend on. */
    public EvalOptions options() {
      return new EvalOptions(task, logits, threshold, classWeights, columns.containsKey(Role.WEIGHT), labelSets,
          task == Task.RANKING && columns.containsKey(Role.QUERY), ignoreIndex);
    }
  }

  /**
   * One slice's values: the slice column values by name, the finished outcome, its rows left out
   * by the ignore index, and the slice's drift (empty without a reference).
   */
  public record SliceResult(Map<String, String> slice, Plan.Outcome outcome, long rowsIgnored, Map<String, Drift> drift) {}

  /**
   * The finished evaluation: the plan, rows read and used, rows left out by the ignore index, bad
   * rows skipped by reason, the overall outcome (losses and metrics keyed by spec as given, report
   * blocks), one outcome per slice, the settings it ran with, and the drift of each drift column
   * against the reference (empty without one).
   */
  public record Result(Plan plan, Binding binding, long rows, long rowsUsed, long rowsIgnored, Map<String, Long> skipped,
                       Plan.Outcome overall, List<SliceResult> slices, Settings settings, Map<String, Drift> drift) {
    /** The overall value of a loss or metric, by its spec as given; NaN when undefined (see {@link #outcome}). */
    public double value(String spec) {
      Value v = outcome(spec);
      return v.defined() ? v.value() : Double.NaN;
    }

    /** The overall value of a loss or metric with its definedness and reason. */
    public Value outcome(String spec) {
      Value v = overall.losses().containsKey(spec) ? overall.losses().get(spec) : overall.metrics().get(spec);
      if (v == null) throw new UsageException("'" + spec + "' was not computed; computed: " + values().keySet());
      return v;
    }

    /** Every overall value by spec, losses first (NaN where undefined). */
    public Map<String, Double> values() {
      Map<String, Double> m = new LinkedHashMap<>();
      overall.losses().forEach((k, v) -> m.put(k, v.defined() ? v.value() : Double.NaN));
      overall.metrics().forEach((k, v) -> m.put(k, v.defined() ? v.value() : Double.NaN));
      return m;
    }
  }

  private Evaluation() {}

  /** Starts describing an evaluation of this prediction table (any Dataset; Spark ML output works as is). */
  public static Builder of(Dataset<?> table) {
    return new Builder(table.toDF());
  }

  /** Starts describing settings alone, to check them before there is a table ({@link Builder#build()}). */
  public static Builder settings() {
    return new Builder(null);
  }

  /**
   * A fluent description of one evaluation. Columns default to {@code label} and the task's
   * prediction column ({@code prediction} for regression, {@code probability} for classification);
   * with no loss or metric given, the task's default set is computed.
   */
  public static final class Builder {
    private final Dataset<Row> table;
    private Dataset<Row> reference;
    private final List<String> drift = new ArrayList<>();
    private Task task;
    private final Map<Role, String> columns = new LinkedHashMap<>();
    private final List<String> losses = new ArrayList<>();
    private final List<String> metrics = new ArrayList<>();
    private final List<String> slices = new ArrayList<>();
    private boolean logits;
    private boolean labelSets;
    private double threshold = 0.5;
    private double[] classWeights;
    private boolean skipBadRows;
    private int partitions;
    private int maxSlices = 10_000;
    private int maxClasses = 2_000;
    private int bootstrap;
    private long seed = 42;
    private Integer ignoreIndex;

    Builder(Dataset<Row> table) {
      this.table = table;
    }

    /** The kind of prediction table (required). */
    public Builder task(Task task) {
      this.task = task;
      return this;
    }

    /** The task by its id: regression, binary, multiclass, multilabel, distribution, embedding, segmentation. */
    public Builder task(String id) {
      return task(Task.parse(id));
    }

    /** Binds a column to a role (label, prediction, weight, target, anchor, positive, negative). */
    public Builder column(Role role, String column) {
      if (column == null) throw new InvalidSetting(role.id(), "needs a column name, got null");
      columns.put(role, column);
      return this;
    }

    public Builder label(String column) {
      return column(Role.LABEL, column);
    }

    public Builder prediction(String column) {
      return column(Role.PREDICTION, column);
    }

    /** Ranking: the query column, for the long layout (one row per query and item). */
    public Builder query(String column) {
      return column(Role.QUERY, column);
    }

    /** Clustering: the feature vectors (default {@code features}). */
    public Builder features(String column) {
      return column(Role.FEATURES, column);
    }

    /** Example weights (finite, >= 0): every loss and metric becomes its weighted version. */
    public Builder weight(String column) {
      return column(Role.WEIGHT, column);
    }

    /** Losses by spec ({@code NAME} or {@code NAME:key=value,...}); report keys are the specs as given. */
    public Builder loss(String... specs) {
      losses.addAll(List.of(specs));
      return this;
    }

    /** Metrics by spec; any loss may also be asked for as a metric. */
    public Builder metric(String... specs) {
      metrics.addAll(List.of(specs));
      return this;
    }

    /** Also every value per value (combination) of these columns, in the same pass. */
    public Builder slice(String... columns) {
      slices.addAll(List.of(columns));
      return this;
    }

    /** The prediction column holds logits (raw margins), not probabilities. */
    public Builder logits(boolean logits) {
      this.logits = logits;
      return this;
    }

    /** Multilabel: label and prediction columns hold arrays of label ids (MLlib's MultilabelClassificationEvaluator layout). */
    public Builder labelSets(boolean sets) {
      this.labelSets = sets;
      return this;
    }

    /** The binary decision threshold on the probability (default 0.5). */
    public Builder threshold(double threshold) {
      this.threshold = threshold;
      return this;
    }

    /** Per-class weights for the losses that take them. */
    public Builder classWeights(double... weights) {
      this.classWeights = weights == null ? null : weights.clone();
      return this;
    }

    /** Skip bad rows and count them by reason, instead of failing on the first one. */
    public Builder skipBadRows(boolean skip) {
      this.skipBadRows = skip;
      return this;
    }

    /** Repartitions the table first (the values do not change; this is for tests and skewed inputs). 0: as read. */
    public Builder partitions(int partitions) {
      this.partitions = partitions;
      return this;
    }

    /** Most distinct slices allowed (default 10000). */
    public Builder maxSlices(int maxSlices) {
      this.maxSlices = maxSlices;
      return this;
    }

    /** Most classes a multiclass or multilabel evaluation accepts (default 2000). */
    public Builder maxClasses(int maxClasses) {
      this.maxClasses = maxClasses;
      return this;
    }

    /** An N-replicate Poisson bootstrap in the same pass: 95% intervals for every value (0: off, the default). */
    public Builder bootstrap(int replicates) {
      this.bootstrap = replicates;
      return this;
    }

    /** The seed of the bootstrap draws (default 42). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Leaves out of every loss and metric the classification rows whose label is this value, as
     * PyTorch leaves its -100 padding out of the loss and TorchMetrics out of the metrics; they
     * are counted in rowsIgnored instead of being bad rows. Multilabel leaves out single label
     * elements of this value (a row whose every element is it is ignored). Null: none (the default).
     */
    public Builder ignoreIndex(Integer label) {
      this.ignoreIndex = label;
      return this;
    }

    /**
     * A reference table (the training set's or last month's predictions) to measure drift against:
     * each drift column's distribution here against the reference's, overall and per slice.
     */
    public Builder reference(Dataset<?> reference) {
      this.reference = reference == null ? null : reference.toDF();
      return this;
    }

    /** The columns whose drift is measured (default: the prediction column); needs a {@link #reference}. */
    public Builder drift(String... columns) {
      drift.addAll(List.of(columns));
      return this;
    }

    /** Starts from these settings (every value replaced). */
    public Builder settings(Settings s) {
      task = s.task();
      columns.clear();
      columns.putAll(s.columns());
      losses.clear();
      losses.addAll(s.losses());
      metrics.clear();
      metrics.addAll(s.metrics());
      slices.clear();
      slices.addAll(s.slices());
      logits = s.logits();
      labelSets = s.labelSets();
      threshold = s.threshold();
      classWeights = s.classWeights();
      skipBadRows = s.skipBadRows();
      partitions = s.partitions();
      maxSlices = s.maxSlices();
      maxClasses = s.maxClasses();
      bootstrap = s.bootstrap();
      seed = s.seed();
      ignoreIndex = s.ignoreIndex();
      drift.clear();
      drift.addAll(s.drift());
      return this;
    }

    /** The settings, checked: an impossible value throws an {@link InvalidSetting} naming it. */
    public Settings build() {
      if (task == null) throw new UsageException("the task is required: one of " + Task.ids());
      OptionValues.threshold(threshold);
      OptionValues.classWeights(classWeights);
      if (partitions < 0) throw new InvalidSetting("partitions", "must be >= 1, got " + partitions);
      if (maxSlices < 1) throw new InvalidSetting("maxSlices", "must be >= 1, got " + maxSlices);
      if (maxClasses < 2) throw new InvalidSetting("maxClasses", "must be >= 2, got " + maxClasses);
      if (bootstrap < 0 || bootstrap == 1 || bootstrap > 10_000) {
        throw new InvalidSetting("bootstrap", "must be between 2 and 10000 replicates (or 0 for off), got " + bootstrap);
      }
      if (ignoreIndex != null && !task.isClassification()) {
        throw new InvalidSetting("ignoreIndex", "applies to the labels of binary, multiclass and multilabel tasks, not " + task.id());
      }
      Map<Role, String> cols = new LinkedHashMap<>(columns);
      cols.putIfAbsent(Role.LABEL, "label");
      cols.putIfAbsent(Role.PREDICTION, task.defaultPrediction());
      if (task == Task.CLUSTERING) cols.putIfAbsent(Role.FEATURES, "features");
      for (String d : drift) if (d == null || d.isBlank()) throw new InvalidSetting("drift", "needs column names, got an empty one");
      if (new java.util.HashSet<>(drift).size() < drift.size()) throw new InvalidSetting("drift", "names a column twice: " + drift);
      Settings s = new Settings(task, cols, losses, metrics, slices, logits, labelSets, threshold, classWeights, skipBadRows,
          partitions, maxSlices, maxClasses, bootstrap, seed, drift, ignoreIndex);
      Tasks.validate(s.options());
      return s;
    }

    /** Runs the one pass and finishes every loss and metric, overall and per slice. */
    public Result run() {
      if (table == null) throw new IllegalStateException("Evaluation.settings() has no table; start with Evaluation.of(table) to run");
      return Evaluation.run(table, reference, build());
    }
  }

  /** The settings, plan and column binding of one evaluation, checked before any row is read. */
  public record Prepared(Settings settings, Plan plan, Binding binding) {}

  /**
   * Resolves settings that {@link Builder#build()} made against a table of this schema: specs and
   * columns are checked here, before the pass. {@code empty} is asked only to explain a column
   * type that does not fit. SQL's sparkeval_evaluate prepares its aggregate with this too.
   */
  public static Prepared prepare(StructType schema, BooleanSupplier empty, Settings s) {
    EvalOptions options = s.options();
    String decisions = decisions(schema, s);
    List<String> metrics = s.metrics();
    if (decisions != null && s.losses().isEmpty() && s.metrics().isEmpty()) {
      metrics = s.task() == Task.MULTILABEL ? List.of("hamming_loss", "subset_accuracy", "f1:average=micro")
          : List.of("accuracy", "f1:average=macro");
    }
    Plan plan = plan(s, metrics);
    if (decisions != null) Tasks.decisionsOnly(plan, decisions);
    Binding binding = new Binding(schema, empty, Roles.bind(plan, s.columns()), Tasks.shapes(s.task()), s.slices());
    Layouts.check(plan, binding);
    return new Prepared(s, plan, binding);
  }

  /**
   * Everything about checked settings that can be known without Spark (every spec and its
   * parameters for the task, the bootstrap), resolved into the plan the pass will run. The command
   * line calls it before it starts Spark, so such mistakes fail in a second.
   */
  public static Plan plan(Settings s) {
    return plan(s, s.metrics());
  }

  private static Plan plan(Settings s, List<String> metrics) {
    EvalOptions options = s.options();
    Plan plan = Tasks.withMeasureParts(
        Plan.build(Catalogs.standard(), options, s.losses(), metrics, parts(options, s.losses(), metrics), Tasks.rule(options)));
    return s.bootstrap() > 0 ? plan.withBootstrap(s.bootstrap(), s.seed()) : plan;
  }

  /** The report parts, the reliability table with the bins of the ece asked for (see {@link Tasks#parts(EvalOptions, List)}). */
  private static List<ReportPart> parts(EvalOptions options, List<String> losses, List<String> metrics) {
    List<String> specs = new ArrayList<>(losses);
    specs.addAll(metrics);
    return Tasks.parts(options, specs);
  }

  /** Runs the one pass with settings that {@link Builder#build()} made. */
  public static Result run(Dataset<Row> table, Settings s) {
    return run(table, null, s);
  }

  /**
   * Runs the one pass, and with a reference table (null: none) the drift of the settings' drift
   * columns: a scan and a sort job over the drift columns of both tables (see {@link DriftJob}).
   * Ranking's long layout runs its pass over the rows grouped by query ({@link GroupedPass}); the
   * silhouette adds a second pass ({@link SilhouetteJob}).
   */
  public static Result run(Dataset<Row> table, Dataset<Row> reference, Settings s) {
    if (reference == null && !s.drift().isEmpty()) {
      throw new UsageException("drift columns " + s.drift() + " need a reference table to compare with (--reference)");
    }
    Prepared pr = prepare(table.schema(), table::isEmpty, s);
    Plan plan = pr.plan();
    Binding binding = pr.binding();
    boolean grouped = s.options().grouped();
    Dataset<Row> projected = binding.project(table);
    checkWidth(projected, binding, s);
    DriftJob.Request drift = reference == null ? null : driftRequest(s, binding);
    Dataset<Row> driftInput = drift == null ? null : DriftJob.union(table, reference, drift); // checks the columns before the pass
    if (s.partitions() > 0 && !grouped) projected = projected.repartition(s.partitions());
    boolean ordered = OrderJob.defer(plan.prototype());
    Partial prototype = new Partial(plan.prototype(), plan.overallPrototype(), s.maxSlices());
    Partial p = grouped ? GroupedPass.run(projected, binding, plan.rule(), prototype, s.partitions())
        : Engine.run(projected, binding, s.partitions() > 0 ? null : table, plan.rule(), prototype);
    check(p, s);
    StatSet all = p.overall();
    Map<List<String>, StatSet> sliceSets = binding.slices().isEmpty() ? Map.of() : p.slices();
    if (ordered) { // order statistics (exact AUC, medians, ...): one sort job, completing the overall and per-slice states
      OrderJob.complete(projected, binding.reader(), plan.rule(), all, sliceSets);
    }
    if (SilhouetteJob.needed(plan.prototype())) { // the silhouette's second pass
      SilhouetteJob.complete(projected, binding.reader(), plan.rule(), all, sliceSets);
    }
    Result r = finish(pr, p, all);
    return drift == null ? r : withDrift(r, driftInput, drift);
  }

  /**
   * Finishes a checked pass: every loss and metric overall ({@code all}: the merged states, exact
   * AUC's completed) and per slice, slices in a fixed order.
   */
  public static Result finish(Prepared pr, Partial p, StatSet all) {
    Plan plan = pr.plan();
    Binding binding = pr.binding();
    Plan.Outcome overall = plan.finishOverall(all, p.extra());
    List<SliceResult> slices = new ArrayList<>();
    if (!binding.slices().isEmpty()) {
      List<Map.Entry<List<String>, StatSet>> entries = new ArrayList<>(p.slices().entrySet());
      entries.sort(Comparator.comparing(e -> String.join("\u0000", nullsAsText(e.getKey()))));
      for (Map.Entry<List<String>, StatSet> e : entries) {
        Map<String, String> key = new LinkedHashMap<>();
        for (int i = 0; i < binding.slices().size(); i++) key.put(binding.slices().get(i), e.getKey().get(i));
        slices.add(new SliceResult(key, plan.finish(e.getValue()), p.ignored(e.getKey()), Map.of()));
      }
    }
    return new Result(plan, binding, p.rows(), p.rows() - p.skippedTotal() - p.ignoredTotal(), p.ignoredTotal(), p.skipped(),
        overall, slices, pr.settings(), Map.of());
  }

  /** The result with the drift of every column overall and in each of its slices. */
  private static Result withDrift(Result r, Dataset<Row> driftInput, DriftJob.Request drift) {
    List<List<String>> keys = new ArrayList<>();
    for (SliceResult sr : r.slices()) keys.add(new ArrayList<>(sr.slice().values()));
    DriftJob.Result d = DriftJob.run(driftInput, drift, keys);
    List<SliceResult> slices = new ArrayList<>();
    for (SliceResult sr : r.slices()) slices.add(new SliceResult(sr.slice(), sr.outcome(), sr.rowsIgnored(), d.slices().get(new ArrayList<>(sr.slice().values()))));
    return new Result(r.plan(), r.binding(), r.rows(), r.rowsUsed(), r.rowsIgnored(), r.skipped(), r.overall(), slices, r.settings(), d.overall());
  }

  /** The drift columns (default: the prediction column, which must then be a number or a binary 2-vector). */
  private static DriftJob.Request driftRequest(Settings s, Binding binding) {
    String prediction = binding.columns().get(Role.PREDICTION);
    if (s.drift().isEmpty() && s.task() != Task.BINARY && binding.kind(Role.PREDICTION) != RowReader.Kind.SCALAR) {
      throw new UsageException("the prediction column '" + prediction + "' holds vectors (" + s.task().id()
          + "); drift compares numeric columns: name them with --drift COL[,COL...]");
    }
    List<String> columns = s.drift().isEmpty() ? List.of(prediction) : s.drift();
    String binaryScore = s.task() == Task.BINARY ? prediction : null;
    return new DriftJob.Request(columns, binding.columns().get(Role.WEIGHT), binding.slices(), binaryScore, s.skipBadRows(),
        s.maxSlices());
  }

  /**
   * Why the predictions are decisions without scores (a multiclass class index, multilabel label
   * sets), or null when they carry scores.
   */
  private static String decisions(StructType schema, Settings s) {
    if (s.task() == Task.MULTILABEL && s.labelSets()) return "with --label-sets the prediction column holds label sets";
    String col = s.columns().get(Role.PREDICTION);
    if (s.task() != Task.MULTICLASS || col == null) return null;
    StructField f = Binding.field(schema, col, Role.PREDICTION.option());
    if (Binding.kindOf(f.dataType(), Role.Shape.EITHER) != RowReader.Kind.SCALAR) return null;
    if (s.logits()) {
      throw new UsageException("--logits needs a vector of scores, but --prediction column '" + f.name()
          + "' holds one number per row (a class index)");
    }
    return "--prediction column '" + f.name() + "' holds class indices (one number per row)";
  }

  /**
   * Fails fast, before the pass, on what the first row's vectors show: prediction vectors wider
   * than --max-classes (the confusion state grows with the square of the number of classes), and
   * --class-weights of another length than the vectors (a task would otherwise find it).
   */
  private static void checkWidth(Dataset<Row> projected, Binding binding, Settings s) {
    if (s.task() != Task.MULTICLASS && s.task() != Task.MULTILABEL && s.task() != Task.DISTRIBUTION) return;
    if (binding.kind(Role.PREDICTION) == RowReader.Kind.SCALAR) return;
    int col = new ArrayList<>(binding.columns().keySet()).indexOf(Role.PREDICTION);
    List<Row> first = projected.limit(1).collectAsList();
    if (first.isEmpty() || first.get(0).isNullAt(col)) return;
    Object v = first.get(0).get(col);
    checkClasses(v instanceof org.apache.spark.ml.linalg.Vector vec ? vec.size() : ((scala.collection.Seq<?>) v).size(), s);
  }

  /**
   * Fails when the class weights do not match a prediction vector of this width, or the width
   * exceeds --max-classes (multiclass and multilabel).
   */
  public static void checkClasses(int width, Settings s) {
    double[] cw = s.classWeights();
    if (cw != null && cw.length != width) {
      throw new UsageException("--class-weights gives " + cw.length + " weights but the prediction vectors have "
          + width + (s.task() == Task.DISTRIBUTION ? " entries" : " classes") + " (first row); give one weight per "
          + (s.task() == Task.DISTRIBUTION ? "entry" : "class"));
    }
    if ((s.task() == Task.MULTICLASS || s.task() == Task.MULTILABEL) && width > s.maxClasses()) {
      throw new UsageException("the prediction vectors have " + width + " classes, more than --max-classes " + s.maxClasses()
          + "; a " + s.task().id() + " evaluation keeps a state per class (pair), so raise --max-classes only with the memory for it");
    }
  }

  private static List<String> nullsAsText(List<String> key) {
    List<String> out = new ArrayList<>();
    for (String k : key) out.add(k == null ? "\uffff" : k);
    return out;
  }

  /** Fails a pass that cannot be reported: too many slices, no rows, bad rows under --bad-rows fail, or only bad rows. */
  public static void check(Partial p, Settings s) {
    if (p.sliceOverflow()) {
      throw new UsageException("--slice " + String.join(",", s.slices()) + " has more than " + p.maxSlices()
          + " distinct values; slice by columns with fewer values (or raise --max-slices)");
    }
    if (p.rows() == 0) throw new UsageException("the input table has no rows; there is nothing to evaluate");
    long bad = p.skippedTotal();
    if (bad > 0 && !s.skipBadRows()) {
      throw new UsageException("bad row at " + p.firstBad() + " (" + bad + " bad row" + (bad == 1 ? "" : "s")
          + " in all: " + p.skipped() + "); fix the input, or pass --bad-rows skip to exclude and count them");
    }
    long ignored = p.ignoredTotal();
    if (bad == p.rows()) {
      throw new UsageException("every row (" + bad + ") is bad, nothing is left to evaluate: " + p.skipped()
          + "; first: " + p.firstBad());
    }
    if (bad + ignored == p.rows()) {
      throw new UsageException("every row (" + p.rows() + ") is left out: " + ignored + " by --ignore-index "
          + s.ignoreIndex() + (bad > 0 ? ", " + bad + " bad " + p.skipped() : "") + "; nothing is left to evaluate");
    }
  }
}
