package dev.sparkeval.spark.ml;

import dev.sparkeval.catalog.Catalogs;
import dev.sparkeval.core.Catalog;
import dev.sparkeval.core.Direction;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.spark.eval.Binding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;

/**
 * A Spark ML {@link Evaluator} for every sparkeval loss and metric, for {@code CrossValidator}
 * and {@code TrainValidationSplit}. {@link #evaluate} returns the value of {@code metric}
 * (a spec such as {@code mse}, {@code huber:delta=0.5} or {@code auc_roc}); {@link #isLargerBetter}
 * follows its meaning (losses are smaller-is-better). {@link #evaluateAll} returns {@code metric}
 * and every spec of {@code metrics} from one pass, where MLlib needs one pass per metric.
 * Values are exact: the same table gives the same bits at any partitioning.
 *
 * <p>It is also a drop-in for MLlib's evaluators: {@code metricName} takes any of their metric
 * names ({@code rmse}, {@code areaUnderROC}, {@code weightedPrecision}, {@code subsetAccuracy},
 * {@code ndcgAtK}, {@code silhouette}, ...) with MLlib's meaning, columns and parameters
 * ({@code metricLabel}, {@code beta}, {@code eps}, {@code throughOrigin}, {@code k},
 * {@code distanceMeasure}, {@code rawPredictionCol}, {@code probabilityCol}, {@code featuresCol});
 * the task follows from the name (accuracy, hammingLoss and the ByLabel names of both
 * classification evaluators from the label column: an array is multilabel). See {@link MllibNames}.
 *
 * <pre>{@code
 * SparkevalEvaluator ev = new SparkevalEvaluator().setTask("regression").setMetric("mse");
 * new CrossValidator().setEstimator(pipeline).setEvaluator(ev).setEstimatorParamMaps(grid).fit(train);
 * // MulticlassClassificationEvaluator().setMetricName("weightedPrecision") becomes
 * new SparkevalEvaluator().setMetricName("weightedPrecision");
 * }</pre>
 */
public final class SparkevalEvaluator extends Evaluator implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  private final String uid;
  private final Param<String> labelCol;
  private final Param<String> predictionCol;
  private final Param<String> weightCol;
  private final Param<String> task;
  private final Param<String> metric;
  private final StringArrayParam metrics;
  private final BooleanParam logits;
  private final DoubleParam threshold;
  private final Param<String> metricName;
  private final DoubleParam metricLabel;
  private final DoubleParam beta;
  private final DoubleParam eps;
  private final BooleanParam throughOrigin;
  private final IntParam numBins;
  private final Param<String> rawPredictionCol;
  private final Param<String> probabilityCol;
  private final IntParam k;
  private final Param<String> distanceMeasure;
  private final Param<String> featuresCol;
  private final Param<String> queryCol;

  public SparkevalEvaluator() {
    this(Identifiable$.MODULE$.randomUID("sparkevalEval"));
  }

  public SparkevalEvaluator(String uid) {
    this.uid = uid;
    labelCol = new Param<>(this, "labelCol", "label column (true value, class index or target vector)");
    predictionCol = new Param<>(this, "predictionCol",
        "prediction column; by default 'prediction' for regression, 'probability' for classification");
    weightCol = new Param<>(this, "weightCol", "example weight column (finite, >= 0); unset means unweighted");
    task = new Param<>(this, "task", "the task: " + Task.ids(), ParamValidators.inArray(Task.ids().toArray(new String[0])));
    metric = new Param<>(this, "metric", "the loss or metric that evaluate() returns, as a spec such as huber:delta=0.5;"
        + " by default the task's first default loss");
    metrics = new StringArrayParam(this, "metrics", "further specs that evaluateAll() computes in the same pass");
    logits = new BooleanParam(this, "logits", "the prediction column holds logits, not probabilities");
    threshold = new DoubleParam(this, "threshold", "binary decision threshold on the probability",
        ParamValidators.inRange(0, 1, false, false));
    metricName = new Param<>(this, "metricName", "an MLlib evaluator's metric name (rmse, areaUnderROC, f1, subsetAccuracy,"
        + " ndcgAtK, silhouette, ...), with MLlib's meaning; instead of metric");
    metricLabel = new DoubleParam(this, "metricLabel", "the class of MLlib's ...ByLabel metrics");
    beta = new DoubleParam(this, "beta", "MLlib's beta of weightedFMeasure and fMeasureByLabel", ParamValidators.gt(0));
    eps = new DoubleParam(this, "eps", "MLlib's logLoss clipping", ParamValidators.inRange(0, 0.5, false, false));
    throughOrigin = new BooleanParam(this, "throughOrigin", "MLlib's r2 of a regression through the origin");
    numBins = new IntParam(this, "numBins", "accepted as MLlib's BinaryClassificationEvaluator takes it; the AUC here is exact"
        + " at any value", ParamValidators.gtEq(0));
    rawPredictionCol = new Param<>(this, "rawPredictionCol", "the score column of MLlib's areaUnderROC and areaUnderPR");
    probabilityCol = new Param<>(this, "probabilityCol", "the probability column of MLlib's logLoss");
    k = new IntParam(this, "k", "RankingEvaluator's cutoff for the ...AtK metric names (> 0, checked with the name)");
    distanceMeasure = new Param<>(this, "distanceMeasure", "ClusteringEvaluator's distance: squaredEuclidean or cosine");
    featuresCol = new Param<>(this, "featuresCol", "clustering: the feature vector column");
    queryCol = new Param<>(this, "queryCol", "ranking: the query column of one row per query and item; unset for MLlib's arrays");
    setDefault(metricLabel, 0.0);
    setDefault(beta, 1.0);
    setDefault(eps, 1e-15);
    setDefault(throughOrigin, false);
    setDefault(numBins, 1000);
    setDefault(rawPredictionCol, "rawPrediction");
    setDefault(probabilityCol, "probability");
    setDefault(k, 10);
    setDefault(distanceMeasure, "squaredEuclidean");
    setDefault(featuresCol, "features");
    setDefault(labelCol, "label");
    setDefault(task, "regression");
    setDefault(metrics, new String[0]);
    setDefault(logits, false);
    setDefault(threshold, 0.5);
  }

  @Override public String uid() {
    return uid;
  }

  public Param<String> labelCol() { return labelCol; }
  public Param<String> predictionCol() { return predictionCol; }
  public Param<String> weightCol() { return weightCol; }
  public Param<String> task() { return task; }
  public Param<String> metric() { return metric; }
  public StringArrayParam metrics() { return metrics; }
  public BooleanParam logits() { return logits; }
  public DoubleParam threshold() { return threshold; }

  public SparkevalEvaluator setLabelCol(String v) { set(labelCol, v); return this; }
  public SparkevalEvaluator setPredictionCol(String v) { set(predictionCol, v); return this; }
  public SparkevalEvaluator setWeightCol(String v) { set(weightCol, v); return this; }
  public SparkevalEvaluator setTask(String v) { set(task, v); return this; }
  public SparkevalEvaluator setMetric(String v) { set(metric, v); return this; }
  public SparkevalEvaluator setMetrics(String... v) { set(metrics, v); return this; }
  public SparkevalEvaluator setLogits(boolean v) { set(logits, v); return this; }
  public SparkevalEvaluator setThreshold(double v) { set(threshold, v); return this; }
  public Param<String> metricName() { return metricName; }
  public DoubleParam metricLabel() { return metricLabel; }
  public DoubleParam beta() { return beta; }
  public DoubleParam eps() { return eps; }
  public BooleanParam throughOrigin() { return throughOrigin; }
  public IntParam numBins() { return numBins; }
  public Param<String> rawPredictionCol() { return rawPredictionCol; }
  public Param<String> probabilityCol() { return probabilityCol; }
  public SparkevalEvaluator setMetricName(String v) { set(metricName, v); return this; }
  public SparkevalEvaluator setMetricLabel(double v) { set(metricLabel, v); return this; }
  public SparkevalEvaluator setBeta(double v) { set(beta, v); return this; }
  public SparkevalEvaluator setEps(double v) { set(eps, v); return this; }
  public SparkevalEvaluator setThroughOrigin(boolean v) { set(throughOrigin, v); return this; }
  public SparkevalEvaluator setNumBins(int v) { set(numBins, v); return this; }
  public SparkevalEvaluator setRawPredictionCol(String v) { set(rawPredictionCol, v); return this; }
  public SparkevalEvaluator setProbabilityCol(String v) { set(probabilityCol, v); return this; }
  public String getMetricName() { return isDefined(metricName) ? $(metricName) : null; }
  public double getMetricLabel() { return (Double) $(metricLabel); }
  public double getBeta() { return (Double) $(beta); }
  public double getEps() { return (Double) $(eps); }
  public boolean getThroughOrigin() { return (Boolean) $(throughOrigin); }
  public int getNumBins() { return (Integer) $(numBins); }
  public String getRawPredictionCol() { return $(rawPredictionCol); }
  public String getProbabilityCol() { return $(probabilityCol); }
  public IntParam k() { return k; }
  public Param<String> distanceMeasure() { return distanceMeasure; }
  public Param<String> featuresCol() { return featuresCol; }
  public Param<String> queryCol() { return queryCol; }
  public SparkevalEvaluator setK(int v) { set(k, v); return this; }
  public SparkevalEvaluator setDistanceMeasure(String v) { set(distanceMeasure, v); return this; }
  public SparkevalEvaluator setFeaturesCol(String v) { set(featuresCol, v); return this; }
  public SparkevalEvaluator setQueryCol(String v) { set(queryCol, v); return this; }
  public int getK() { return (Integer) $(k); }
  public String getDistanceMeasure() { return $(distanceMeasure); }
  public String getFeaturesCol() { return $(featuresCol); }
  public String getQueryCol() { return isDefined(queryCol) ? $(queryCol) : null; }

  public String getLabelCol() { return $(labelCol); }
  public String getPredictionCol() { return isDefined(predictionCol) ? $(predictionCol) : taskValue().defaultPrediction(); }
  public String getWeightCol() { return isDefined(weightCol) ? $(weightCol) : null; }
  public String getTask() { return $(task); }
  public String getMetric() { return isDefined(metric) ? $(metric) : defaultMetric(taskValue()); }
  public String[] getMetrics() { return $(metrics); }
  public boolean getLogits() { return (Boolean) $(logits); }
  public double getThreshold() { return (Double) $(threshold); }

  private Task taskValue() {
    return Task.parse(getTask());
  }

  /** The spec that evaluate() returns when {@code metric} is not set: the task's first default loss (or metric). */
  public static String defaultMetric(Task t) {
    return (t.defaultLosses().isEmpty() ? t.defaultMetrics() : t.defaultLosses()).get(0);
  }

  /** What one evaluation runs: the task, prediction column, logits, label sets and the spec evaluate() returns. */
  private record Setup(Task task, String prediction, boolean logits, boolean labelSets, String spec) {}

  private Setup setup(Dataset<?> dataset) {
    if (getMetricName() == null) return new Setup(taskValue(), getPredictionCol(), getLogits(), false, getMetric());
    if (isSet(metric)) {
      throw new UsageException("set metric (a sparkeval spec) or metricName (an MLlib name), not both; got metric '"
          + $(metric) + "' and metricName '" + getMetricName() + "'");
    }
    MllibNames.Mapping m = MllibNames.map(getMetricName(), mllibTask(dataset),
        new MllibNames.Params(getMetricLabel(), getBeta(), getEps(), getThroughOrigin(), getK(), getDistanceMeasure()));
    String col = switch (m.column()) {
      case PREDICTION -> isSet(predictionCol) ? $(predictionCol) : "prediction";
      case RAW_PREDICTION -> getRawPredictionCol();
      case PROBABILITY -> getProbabilityCol();
    };
    return new Setup(m.task(), col, m.logits(), m.labelSets(), m.spec());
  }

  /**
   * The task of an MLlib name: the one evaluator that has it, the task set explicitly, or for names
   * of both classification evaluators the label column's type (MLlib's multilabel labels are arrays).
   */
  private Task mllibTask(Dataset<?> dataset) {
    List<Task> tasks = MllibNames.tasks(getMetricName());
    if (isSet(task)) return taskValue();
    if (tasks.size() == 1 || dataset == null) return tasks.get(0); // both have the same direction
    DataType t = Binding.field(dataset.toDF(), getLabelCol(), "labelCol").dataType();
    return t instanceof ArrayType || t.equals(SQLDataTypes.VectorType()) ? Task.MULTILABEL : Task.MULTICLASS;
  }

  /** Ranking's long layout (one row per query and item, grouped by queryCol) rather than MLlib's arrays. */
  private boolean grouped(Setup s) {
    return s.task() == Task.RANKING && getQueryCol() != null;
  }

  /** The value of {@code metric} (or of MLlib's {@code metricName}); NaN when it is undefined on this data (for example R² of one row). */
  @Override public double evaluate(Dataset<?> dataset) {
    Setup s = setup(dataset);
    return run(dataset, s, List.of(s.spec())).value(s.spec());
  }

  /** {@code metric} and every spec of {@code metrics}, by spec, from one pass over the data (NaN where undefined). */
  public Map<String, Double> evaluateAll(Dataset<?> dataset) {
    return result(dataset).values();
  }

  /** The whole evaluation of {@code metric} (or {@code metricName}) and {@code metrics}: counts, values and report blocks. */
  public Evaluation.Result result(Dataset<?> dataset) {
    Setup setup = setup(dataset);
    List<String> specs = new ArrayList<>(List.of(setup.spec()));
    for (String s : getMetrics()) if (!specs.contains(s)) specs.add(s);
    return run(dataset, setup, specs);
  }

  private Evaluation.Result run(Dataset<?> dataset, Setup s, List<String> specs) {
    Evaluation.Builder b = Evaluation.of(dataset).task(s.task()).prediction(s.prediction()).threshold(getThreshold())
        .metric(specs.toArray(new String[0]));
    if (s.task() == Task.CLUSTERING) b.features(getFeaturesCol());
    else b.label(getLabelCol()).logits(s.logits()).labelSets(s.labelSets());
    if (grouped(s)) b.query(getQueryCol());
    if (getWeightCol() != null) b.weight(getWeightCol());
    return b.run();
  }

  /** Losses are smaller-is-better; metrics follow their meaning (accuracy larger, log_loss smaller). */
  @Override public boolean isLargerBetter() {
    Setup s = setup(null);
    return largerIsBetter(s.task(), s.spec(), s.logits(), getThreshold(), getWeightCol() != null, s.labelSets(), grouped(s));
  }

  /** Whether larger values of {@code spec} are better; a usage error for a spec best at 0 (mean_error) or unknown. */
  public static boolean largerIsBetter(Task t, String spec, boolean logits, double threshold, boolean weighted) {
    return largerIsBetter(t, spec, logits, threshold, weighted, false, false);
  }

  private static boolean largerIsBetter(Task t, String spec, boolean logits, double threshold, boolean weighted, boolean labelSets,
                                        boolean grouped) {
    Catalog.Resolved r = Catalogs.standard().resolve(spec, new EvalOptions(t, logits, threshold, null, weighted, labelSets, grouped, null));
    Direction d = r.entry().direction();
    if (d == Direction.CLOSEST_TO_ZERO) {
      throw new UsageException("'" + spec + "' has no better direction (it is best at 0, not at an end);"
          + " select models on a loss such as mae or mse instead");
    }
    return d == Direction.LARGER;
  }

  @Override public SparkevalEvaluator copy(ParamMap extra) {
    return (SparkevalEvaluator) defaultCopy(extra);
  }

  @Override public String toString() {
    if (getMetricName() != null) return "SparkevalEvaluator: uid=" + uid + ", metricName=" + getMetricName();
    return "SparkevalEvaluator: uid=" + uid + ", task=" + getTask() + ", metric=" + getMetric()
        + (getMetrics().length == 0 ? "" : ", metrics=" + Arrays.toString(getMetrics()));
  }

  /** Reads an evaluator saved with {@code write().save(path)} (also how a saved CrossValidatorModel finds it). */
  public static MLReader<SparkevalEvaluator> read() {
    return new DefaultParamsReader<>();
  }

  public static SparkevalEvaluator load(String path) {
    return read().load(path);
  }
}
