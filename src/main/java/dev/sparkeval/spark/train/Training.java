package dev.sparkeval.spark.train;

import dev.sparkeval.catalog.Catalogs;
import dev.sparkeval.catalog.Tasks;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.InvalidSetting;
import dev.sparkeval.core.OptionValues;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * What to train and how, checked: built only by {@link Builder#build()} (start with
   * {@link Training#settings()}). A new setting is one component here and one method (with its
   * check, if it can be wrong) in {@link Builder}; the command line maps it to its option by name
   * ({@code learningRate} is {@code --learning-rate}).
   *
   * @param features           numeric feature columns, or one vector column; empty: a {@code features} vector,
   *                           else every numeric column but the label
   * @param validationFraction share of the training rows held out when no validation table is given
   * @param metrics            validation metrics; null: the task's defaults
   * @param task               null: the model's own task (or for mlp, the loss's)
   * @param iterationMode      {@code job}: one Spark job per iteration; {@code barrier}: one barrier job per epoch
   * @param loop               the loop's settings (epochs, batch size, seed, early stopping, checkpoints)
   */
  public record Settings(double validationFraction, List<String> features, String label, String model, String loss,
                         List<String> metrics, String optimizer, double learningRate, Task task, double[] classWeights,
                         boolean standardize, int partitions, String iterationMode, TrainConfig loop) {
    public Settings {
      features = List.copyOf(features);
      metrics = metrics == null ? null : List.copyOf(metrics);
      classWeights = classWeights == null ? null : classWeights.clone();
    }

    @Override public double[] classWeights() {
      return classWeights == null ? null : classWeights.clone();
    }
  }

  /** Starts describing a training run, with the train command's defaults. */
  public static Builder settings() {
    return new Builder();
  }

  /** A fluent description of a training run; {@link #build()} checks every value. */
  public static final class Builder {
    private double validationFraction = 0.2;
    private final List<String> features = new ArrayList<>();
    private String label = "label";
    private String model = "linear";
    private String loss;
    private List<String> metrics;
    private String optimizer = "sgd";
    private double learningRate = 0.01;
    private Task task;
    private double[] classWeights;
    private boolean standardize = true;
    private int partitions;
    private String iterationMode = "job";
    private final TrainConfig.Builder loop = TrainConfig.builder();

    private Builder() {}

    /** Share of the training rows held out for validation when no validation table is given (default 0.2). */
    public Builder validationFraction(double f) {
      validationFraction = f;
      return this;
    }

    /** Numeric feature columns, or one vector column. */
    public Builder features(String... columns) {
      features.addAll(List.of(columns));
      return this;
    }

    public Builder label(String column) {
      label = column;
      return this;
    }

    /** linear, logistic, softmax or mlp:hidden=64x32,activation=relu (default linear). */
    public Builder model(String spec) {
      model = spec;
      return this;
    }

    /** The training loss, a catalogue spec (default mse, bce or cross_entropy by task). */
    public Builder loss(String spec) {
      loss = spec;
      return this;
    }

    /** Validation metrics by spec (default: mae and r2, or accuracy). */
    public Builder metric(String... specs) {
      if (metrics == null) metrics = new ArrayList<>();
      metrics.addAll(List.of(specs));
      return this;
    }

    /** sgd, momentum:beta=0.9 or adam:beta1=0.9,beta2=0.999,eps=1e-8 (default sgd). */
    public Builder optimizer(String spec) {
      optimizer = spec;
      return this;
    }

    /** Step size, > 0 (default 0.01). */
    public Builder learningRate(double rate) {
      learningRate = rate;
      return this;
    }

    /** For mlp with focal: binary or multiclass (other models imply their task). */
    public Builder task(Task task) {
      this.task = task;
      return this;
    }

    /** Per-class weights for the losses that take them. */
    public Builder classWeights(double... weights) {
      classWeights = weights == null ? null : weights.clone();
      return this;
    }

    /** Train on standardized features (default); the saved model reads raw features either way. */
    public Builder standardize(boolean on) {
      standardize = on;
      return this;
    }

    /** Repartitions the input first (0: as read). */
    public Builder partitions(int n) {
      partitions = n;
      return this;
    }

    /** job (default) or barrier. */
    public Builder iterationMode(String mode) {
      iterationMode = mode;
      return this;
    }

    public Builder epochs(int epochs) {
      loop.epochs(epochs);
      return this;
    }

    public Builder batchSize(long rows) {
      loop.batchSize(rows);
      return this;
    }

    public Builder seed(long seed) {
      loop.seed(seed);
      return this;
    }

    public Builder l2(double l2) {
      loop.l2(l2);
      return this;
    }

    public Builder earlyStopping(String spec) {
      loop.earlyStopping(spec);
      return this;
    }

    public Builder restoreBest(boolean restore) {
      loop.restoreBest(restore);
      return this;
    }

    public Builder checkpoint(Path dir) {
      loop.checkpoint(dir);
      return this;
    }

    public Builder resume(boolean resume) {
      loop.resume(resume);
      return this;
    }

    public Builder fullTrainLoss(boolean full) {
      loop.fullTrainLoss(full);
      return this;
    }

    /** The settings, checked: an impossible value throws an {@link InvalidSetting} naming it. */
    public Settings build() {
      TrainConfig l = loop.build();
      if (partitions < 0) throw new InvalidSetting("partitions", "must be >= 1, got " + partitions);
      OptionValues.classWeights(classWeights);
      if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
        throw new InvalidSetting("learningRate", "must be a finite number > 0, got " + learningRate);
      }
      if (!(validationFraction > 0 && validationFraction < 1)) {
        throw new InvalidSetting("validationFraction", "must be strictly between 0 and 1, got " + validationFraction);
      }
      if (!iterationMode.equals("job") && !iterationMode.equals("barrier")) {
        throw new InvalidSetting("iterationMode", "must be job or barrier, got '" + iterationMode + "'");
      }
      return new Settings(validationFraction, features, label, model, loss, metrics, optimizer, learningRate, task,
          classWeights, standardize, partitions, iterationMode, l);
    }
  }

  /**
   * The trained model, the loop's result, the final validation outcome, the diagnosis, and the
   * warnings raised on the way (for example a training label with one value).
   */
  public record Outcome(ModelFile model, Trainer.Result result, Plan.Outcome validation, Diagnosis.Verdict diagnosis,
                        Plan plan, long trainRows, long validationRows, String accuracyKey, List<String> warnings) {}

  /** The settings resolved: model, optimizer, task, loss, objective, metrics, and the two evaluation plans. */
  private record Setup(ModelSpec model, Optimizer opt, Task task, String lossText, Objective obj, List<String> metrics,
                       Plan plan, Plan trainPlan) {}

  /**
   * What needs no data (the model, optimizer, loss, metrics and their combinations), checked, so
   * that the command line refuses such mistakes before Spark starts.
   */
  public static void check(Settings s) {
    setup(s);
  }

  private static Setup setup(Settings s) {
    ModelSpec model = ModelSpec.parse(s.model());
    Optimizer opt = Optimizer.parse(s.optimizer(), s.learningRate());
    String lossText = s.loss();
    Task task = Objectives.task(model, lossText == null ? "" : Spec.parse(lossText).name(), s.task());
    if (lossText == null) lossText = Objectives.defaultLoss(task);
    Objective obj = Objectives.resolve(lossText, model, task, s.classWeights());
    if (s.loop().earlyStopping() != null) EarlyStopping.parse(s.loop().earlyStopping());
    List<String> metrics = s.metrics() != null ? s.metrics() : defaultMetrics(task);
    EvalOptions options = new EvalOptions(task, obj.logits(), 0.5, s.classWeights(), false);
    Tasks.validate(options);
    Plan plan = Plan.build(Catalogs.standard(), options, List.of(lossText), metrics, Tasks.parts(options, metrics), Tasks.rule(options));
    Plan trainPlan = Plan.build(Catalogs.standard(), options, List.of(lossText), List.of(), List.of(), Tasks.rule(options));
    return new Setup(model, opt, task, lossText, obj, metrics, plan, trainPlan);
  }

  /**
   * Trains on {@code trainTable}, validating on {@code validationTable} (null: a seeded
   * {@code validationFraction} of the training rows).
   */
  public static Outcome run(Dataset<Row> trainTable, Dataset<Row> validationTable, Settings s, Consumer<Epoch> onEpoch) {
    return run(trainTable, validationTable, s, onEpoch, w -> { });
  }

  /** As {@link #run(Dataset, Dataset, Settings, Consumer)}, handing each warning to onWarning as it arises. */
  public static Outcome run(Dataset<Row> trainTable, Dataset<Row> validationTable, Settings s, Consumer<Epoch> onEpoch,
                            Consumer<String> onWarning) {
    Setup setup = setup(s);
    ModelSpec model = setup.model();
    Optimizer opt = setup.opt();
    Task task = setup.task();
    String lossText = setup.lossText();
    Objective obj = setup.obj();
    List<String> metrics = setup.metrics();
    Plan plan = setup.plan();
    Plan trainPlan = setup.trainPlan();

    Dataset<Row> table = s.partitions() > 0 ? trainTable.repartition(s.partitions()) : trainTable;
    Binding.field(table, s.label(), "--label");
    FeatureColumns fc = FeatureColumns.resolve(table, s.features(), s.label());
    if (table.isEmpty()) throw new UsageException("the training table has no rows");
    int d = fc.dimension(fc.project(table, List.of()));
    JavaRDD<Block> all = RowBlocks.build(table, fc, s.label(), d, "training");
    JavaRDD<Block> train, val;
    if (validationTable != null) {
      Dataset<Row> vt = s.partitions() > 0 ? validationTable.repartition(s.partitions()) : validationTable;
      Binding.field(vt, s.label(), "--label");
      train = all;
      val = RowBlocks.build(vt, fc, s.label(), d, "validation");
    } else {
      long[] offsets = RowBlocks.offsets(RowBlocks.sizes(all));
      long n = Arrays.stream(RowBlocks.sizes(all)).sum();
      long nVal = Math.round(s.validationFraction() * n);
      if (nVal < 1 || nVal >= n) {
        throw new UsageException("--validation-fraction " + s.validationFraction() + " of " + n + " rows leaves "
            + nVal + " validation rows; each side needs at least one row");
      }
      Shuffle split = new Shuffle(s.loop().seed(), 0, n);
      train = all.mapPartitionsWithIndex((i, it) -> List.of(it.next().select(offsets[i], r -> split.position(r) >= nVal)).iterator(), true);
      val = all.mapPartitionsWithIndex((i, it) -> List.of(it.next().select(offsets[i], r -> split.position(r) < nVal)).iterator(), true);
    }
    FeatureStats st = train.map(Block::stats).reduce(FeatureStats::merge);
    FeatureStats vs = val.map(Block::stats).reduce(FeatureStats::merge);
    if (st.rows == 0) throw new UsageException("no training rows are left after the validation split");
    if (vs.rows == 0) throw new UsageException("the validation table has no rows");
    int classes = Labels.check(task, st, vs, s.label());
    List<String> warnings = new ArrayList<>();
    String single = Labels.single(st, s.label());
    if (single != null) {
      warnings.add(single);
      onWarning.accept(single);
    }
    if (s.classWeights() != null && s.classWeights().length != classes) {
      throw new UsageException("--class-weights gives " + s.classWeights().length + " weights but label '" + s.label() + "' has "
          + classes + " classes (0.." + (classes - 1) + "); give one weight per class");
    }
    double[] mean = s.standardize() ? st.mean() : new double[d];
    double[] std = s.standardize() ? st.std() : ones(d);
    boolean barrier = s.iterationMode().equals("barrier");
    int slots = trainTable.sparkSession().sparkContext().defaultParallelism();
    if (barrier && train.getNumPartitions() > slots) { // a barrier stage needs every task running at once
      train = RowBlocks.atMost(train, slots, d);
    }
    JavaRDD<Block> trainStd = train.map(b -> b.standardized(mean, std)).persist(StorageLevel.MEMORY_AND_DISK());
    JavaRDD<Block> valStd = val.map(b -> b.standardized(mean, std)).persist(StorageLevel.MEMORY_AND_DISK());
    trainStd.count();
    valStd.count();
    all.unpersist(false);

    Network net = model.network(d, obj.outputs(classes));
    Map<String, String> fp = new LinkedHashMap<>();
    fp.put("--model", model.toString());
    fp.put("--loss", lossText);
    fp.put("--optimizer", s.optimizer());
    fp.put("--learning-rate", Double.toString(s.learningRate()));
    fp.put("--batch-size", Long.toString(s.loop().batchSize()));
    fp.put("--l2", Double.toString(s.loop().l2()));
    fp.put("--seed", Long.toString(s.loop().seed()));
    fp.put("--early-stopping", String.valueOf(s.loop().earlyStopping()));
    fp.put("rows", st.rows + " training, " + vs.rows + " validation");
    fp.put("--label", s.label());
    fp.put("--features", fc.vectorColumn() != null ? fc.vectorColumn() : String.join(",", fc.columns()));
    fp.put("--no-standardize", Boolean.toString(!s.standardize()));
    fp.put("partitions", Integer.toString(trainStd.getNumPartitions()));
    TrainConfig c = s.loop().withFingerprint(fp);
    SparkBatches batches = new SparkBatches(trainStd, valStd, c.seed(), c.batchSize(), net, obj).barrier(barrier);
    Trainer.Result r;
    try {
      r = new Trainer(net, obj, opt, c, plan, trainPlan).run(batches, onEpoch);
    } finally {
      batches.close();
    }
    Plan.Outcome finalVal = plan.finish(batches.evaluate(SparkBatches.Part.VALIDATION, r.weights(), plan.prototype(), plan.rule()));
    trainStd.unpersist(false);
    valStd.unpersist(false);
    ModelFile mf = new ModelFile(model.toString(), task, lossText, fc.columns(), fc.vectorColumn(), s.label(),
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
