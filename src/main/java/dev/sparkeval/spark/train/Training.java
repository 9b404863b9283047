package dev.sparkeval.spark.train;

import dev.sparkeval.catalog.Catalogs;
import dev.sparkeval.catalog.Tasks;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.Spec;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.spark.eval.Binding;
import dev.sparkeval.train.Block;
import dev.sparkeval.train.Diagnosis;
import dev.sparkeval.train.EarlyStopping;
import dev.sparkeval.train.Epoch;
import dev.sparkeval.train.FeatureStats;
import dev.sparkeval.train.ModelFile;
import dev.sparkeval.train.ModelSpec;
import dev.sparkeval.train.Network;
import dev.sparkeval.train.Objective;
import dev.sparkeval.train.Objectives;
import dev.sparkeval.train.Optimizer;
import dev.sparkeval.train.Shuffle;
import dev.sparkeval.train.TrainConfig;
import dev.sparkeval.train.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Trains a model on a table: binds the features, caches the rows as blocks, splits off the
 * validation rows, standardizes from one aggregation pass, runs the {@link Trainer} over
 * {@link SparkBatches}, and returns the model on raw features with its final validation.
 */
public final class Training {
  private Training() {}

  /** What to train and how; the CLI's train command fills this. */
  public static final class Settings {
    public Dataset<Row> train;
    public Dataset<Row> validation;
    public double validationFraction = 0.2;
    public List<String> features = new ArrayList<>();
    public String label = "label";
    public String model = "linear";
    public String loss;
    public List<String> metrics;
    public String optimizer = "sgd";
    public double learningRate = 0.01;
    public Task task;
    public double[] classWeights;
    public boolean standardize = true;
    public int partitions;
    /** "job": one Spark job per iteration; "barrier": one barrier job per epoch, partials exchanged by allGather. */
    public String iterationMode = "job";
    public TrainConfig config = new TrainConfig();
    /** Where warnings go as they arise (the command line prints them); they are also in the outcome. */
    public Consumer<String> warn = w -> { };
  }

  /** The trained model, the loop's result, the final validation outcome and the diagnosis. */
  public record Outcome(ModelFile model, Trainer.Result result, Plan.Outcome validation, Diagnosis.Verdict diagnosis,
                        Plan plan, long trainRows, long validationRows, String accuracyKey, List<String> warnings) {}

  /** The settings resolved: model, optimizer, task, loss, objective, metrics, and the two evaluation plans. */
  private record Setup(ModelSpec model, Optimizer opt, Task task, String lossText, Objective obj, List<String> metrics,
                       Plan plan, Plan trainPlan) {}

  /**
   * Everything about the settings that needs no data (options, model, optimizer, loss, metrics,
   * their combinations), so that the command line refuses them before Spark starts.
   * validationGiven: a --validation table will be read (else --validation-fraction applies).
   */
  public static void check(Settings s, boolean validationGiven) {
    setup(s, validationGiven);
  }

  private static Setup setup(Settings s, boolean validationGiven) {
    TrainConfig c = s.config;
    if (c.batchSize < 1) throw new UsageException("--batch-size must be >= 1, got " + c.batchSize);
    if (c.epochs < 1) throw new UsageException("--epochs must be >= 1, got " + c.epochs);
    if (!(c.l2 >= 0) || !Double.isFinite(c.l2)) throw new UsageException("--l2 must be a finite number >= 0, got " + c.l2);
    if (s.partitions < 0) throw new UsageException("--partitions must be >= 1, got " + s.partitions);
    if (!s.iterationMode.equals("job") && !s.iterationMode.equals("barrier")) {
      throw new UsageException("--iteration-mode must be job or barrier, got '" + s.iterationMode + "'");
    }
    ModelSpec model = ModelSpec.parse(s.model);
    Optimizer opt = Optimizer.parse(s.optimizer, s.learningRate);
    String lossText = s.loss;
    Task task = Objectives.task(model, lossText == null ? "" : Spec.parse(lossText).name(), s.task);
    if (lossText == null) lossText = Objectives.defaultLoss(task);
    Objective obj = Objectives.resolve(lossText, model, task, s.classWeights);
    if (!validationGiven && !(s.validationFraction > 0 && s.validationFraction < 1)) {
      throw new UsageException("--validation-fraction must be strictly between 0 and 1, got " + s.validationFraction);
    }
    if (c.earlyStopping != null) EarlyStopping.parse(c.earlyStopping);
    List<String> metrics = s.metrics != null ? s.metrics : defaultMetrics(task);
    EvalOptions options = new EvalOptions(task, obj.logits(), 0.5, s.classWeights, false);
    Tasks.validate(options);
    Plan plan = Plan.build(Catalogs.standard(), options, List.of(lossText), metrics, Tasks.parts(options), Tasks.rule(options));
    Plan trainPlan = Plan.build(Catalogs.standard(), options, List.of(lossText), List.of(), List.of(), Tasks.rule(options));
    return new Setup(model, opt, task, lossText, obj, metrics, plan, trainPlan);
  }

  public static Outcome run(Settings s, Consumer<Epoch> onEpoch) {
    TrainConfig c = s.config;
    Setup setup = setup(s, s.validation != null);
    ModelSpec model = setup.model();
    Optimizer opt = setup.opt();
    Task task = setup.task();
    String lossText = setup.lossText();
    Objective obj = setup.obj();
    List<String> metrics = setup.metrics();
    Plan plan = setup.plan();
    Plan trainPlan = setup.trainPlan();

    Dataset<Row> table = s.partitions > 0 ? s.train.repartition(s.partitions) : s.train;
    Binding.field(table, s.label, "--label");
    FeatureColumns fc = FeatureColumns.resolve(table, s.features, s.label);
    if (table.isEmpty()) throw new UsageException("the training table has no rows");
    int d = fc.dimension(fc.project(table, List.of()));
    JavaRDD<Block> all = RowBlocks.build(table, fc, s.label, d, "training");
    JavaRDD<Block> train, val;
    if (s.validation != null) {
      Dataset<Row> vt = s.partitions > 0 ? s.validation.repartition(s.partitions) : s.validation;
      Binding.field(vt, s.label, "--label");
      train = all;
      val = RowBlocks.build(vt, fc, s.label, d, "validation");
    } else {
      long[] offsets = RowBlocks.offsets(RowBlocks.sizes(all));
      long n = Arrays.stream(RowBlocks.sizes(all)).sum();
      long nVal = Math.round(s.validationFraction * n);
      if (nVal < 1 || nVal >= n) {
        throw new UsageException("--validation-fraction " + s.validationFraction + " of " + n + " rows leaves "
            + nVal + " validation rows; each side needs at least one row");
      }
      Shuffle split = new Shuffle(c.seed, 0, n);
      train = all.mapPartitionsWithIndex((i, it) -> List.of(it.next().select(offsets[i], r -> split.position(r) >= nVal)).iterator(), true);
      val = all.mapPartitionsWithIndex((i, it) -> List.of(it.next().select(offsets[i], r -> split.position(r) < nVal)).iterator(), true);
    }
    FeatureStats st = train.map(Block::stats).reduce(FeatureStats::merge);
    FeatureStats vs = val.map(Block::stats).reduce(FeatureStats::merge);
    if (st.rows == 0) throw new UsageException("no training rows are left after the validation split");
    if (vs.rows == 0) throw new UsageException("the validation table has no rows");
    int classes = Labels.check(task, st, vs, s.label);
    List<String> warnings = new ArrayList<>();
    String single = Labels.single(st, s.label);
    if (single != null) {
      warnings.add(single);
      s.warn.accept(single);
    }
    if (s.classWeights != null && s.classWeights.length != classes) {
      throw new UsageException("--class-weights gives " + s.classWeights.length + " weights but label '" + s.label + "' has "
          + classes + " classes (0.." + (classes - 1) + "); give one weight per class");
    }
    double[] mean = s.standardize ? st.mean() : new double[d];
    double[] std = s.standardize ? st.std() : ones(d);
    boolean barrier = s.iterationMode.equals("barrier");
    int slots = s.train.sparkSession().sparkContext().defaultParallelism();
    if (barrier && train.getNumPartitions() > slots) { // a barrier stage needs every task running at once
      train = RowBlocks.atMost(train, slots, d);
    }
    JavaRDD<Block> trainStd = train.map(b -> b.standardized(mean, std)).persist(StorageLevel.MEMORY_AND_DISK());
    JavaRDD<Block> valStd = val.map(b -> b.standardized(mean, std)).persist(StorageLevel.MEMORY_AND_DISK());
    trainStd.count();
    valStd.count();
    all.unpersist(false);

    Network net = model.network(d, obj.outputs(classes));
    c.fingerprint.put("--model", model.toString());
    c.fingerprint.put("--loss", lossText);
    c.fingerprint.put("--optimizer", s.optimizer);
    c.fingerprint.put("--learning-rate", Double.toString(s.learningRate));
    c.fingerprint.put("--batch-size", Long.toString(c.batchSize));
    c.fingerprint.put("--l2", Double.toString(c.l2));
    c.fingerprint.put("--seed", Long.toString(c.seed));
    c.fingerprint.put("--early-stopping", String.valueOf(c.earlyStopping));
    c.fingerprint.put("rows", st.rows + " training, " + vs.rows + " validation");
    c.fingerprint.put("--label", s.label);
    c.fingerprint.put("--features", fc.vectorColumn() != null ? fc.vectorColumn() : String.join(",", fc.columns()));
    c.fingerprint.put("--no-standardize", Boolean.toString(!s.standardize));
    c.fingerprint.put("partitions", Integer.toString(trainStd.getNumPartitions()));
    SparkBatches batches = new SparkBatches(trainStd, valStd, c.seed, c.batchSize, net, obj).barrier(barrier);
    Trainer.Result r;
    try {
      r = new Trainer(net, obj, opt, c, plan, trainPlan).run(batches, onEpoch);
    } finally {
      batches.close();
    }
    Plan.Outcome finalVal = plan.finish(batches.evaluate(SparkBatches.Part.VALIDATION, r.weights(), plan.prototype(), plan.rule()));
    trainStd.unpersist(false);
    valStd.unpersist(false);
    ModelFile mf = new ModelFile(model.toString(), task, lossText, fc.columns(), fc.vectorColumn(), s.label,
        classes, net, net.fold(r.weights(), mean, std), mean, std);
    String acc = metrics.contains("accuracy") ? "accuracy" : null;
    return new Outcome(mf, r, finalVal, Diagnosis.of(r.history(), acc), plan, st.rows, vs.rows, acc, List.copyOf(warnings));
  }

  static List<String> defaultMetrics(Task task) {
    List<String> want = switch (task) {
      case REGRESSION -> List.of("mae", "r2");
      default -> List.of("accuracy");
    };
    List<String> out = new ArrayList<>();
    for (String m : want) {
      if (Catalogs.standard().entries().stream().anyMatch(e -> e.name().equals(m) && e.tasks().contains(task))) out.add(m);
    }
    return out;
  }

  private static double[] ones(int d) {
    double[] o = new double[d];
    Arrays.fill(o, 1.0);
    return o;
  }
}
