package dev.sparkeval.spark.ml;

import dev.sparkeval.catalog.Catalogs;
import dev.sparkeval.core.Catalog;
import dev.sparkeval.core.Direction;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.spark.Evaluation;
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
import org.apache.spark.sql.Dataset;

/**
 * A Spark ML {@link Evaluator} for every sparkeval loss and metric, for {@code CrossValidator}
 * and {@code TrainValidationSplit}. {@link #evaluate} returns the value of {@code metric}
 * (a spec such as {@code mse}, {@code huber:delta=0.5} or {@code auc_roc}); {@link #isLargerBetter}
 * follows its meaning (losses are smaller-is-better). {@link #evaluateAll} returns {@code metric}
 * and every spec of {@code metrics} from one pass, where MLlib needs one pass per metric.
 * Values are exact: the same table gives the same bits at any partitioning.
 *
 * <p>For MLlib's RankingEvaluator and ClusteringEvaluator it is a drop-in: {@code metricName}
 * takes their names with their meaning ({@code ndcgAtK} with {@code k}, {@code silhouette} with
 * {@code distanceMeasure}; see {@link MllibGroupedNames}).
 *
 * <pre>{@code
 * SparkevalEvaluator ev = new SparkevalEvaluator().setTask("regression").setMetric("mse");
 * new CrossValidator().setEstimator(pipeline).setEvaluator(ev).setEstimatorParamMaps(grid).fit(train);
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
    metricName = new Param<>(this, "metricName", "a metric name of MLlib's RankingEvaluator or ClusteringEvaluator, with"
        + " MLlib's meaning (k, distanceMeasure); instead of metric");
    k = new IntParam(this, "k", "RankingEvaluator's cutoff for the ...AtK metric names", ParamValidators.gt(0));
    distanceMeasure = new Param<>(this, "distanceMeasure", "ClusteringEvaluator's distance: squaredEuclidean or cosine");
    featuresCol = new Param<>(this, "featuresCol", "clustering: the feature vector column");
    queryCol = new Param<>(this, "queryCol", "ranking: the query column of one row per query and item; unset for MLlib's arrays");
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

  public Param<String> metricName() { return metricName; }
  public IntParam k() { return k; }
  public Param<String> distanceMeasure() { return distanceMeasure; }
  public Param<String> featuresCol() { return featuresCol; }
  public Param<String> queryCol() { return queryCol; }
  public SparkevalEvaluator setMetricName(String v) { set(metricName, v); return this; }
  public SparkevalEvaluator setK(int v) { set(k, v); return this; }
  public SparkevalEvaluator setDistanceMeasure(String v) { set(distanceMeasure, v); return this; }
  public SparkevalEvaluator setFeaturesCol(String v) { set(featuresCol, v); return this; }
  public SparkevalEvaluator setQueryCol(String v) { set(queryCol, v); return this; }
  public String getMetricName() { return isDefined(metricName) ? $(metricName) : null; }
  public int getK() { return (Integer) $(k); }
  public String getDistanceMeasure() { return $(distanceMeasure); }
  public String getFeaturesCol() { return $(featuresCol); }
  public String getQueryCol() { return isDefined(queryCol) ? $(queryCol) : null; }

  public SparkevalEvaluator setLabelCol(String v) { set(labelCol, v); return this; }
  public SparkevalEvaluator setPredictionCol(String v) { set(predictionCol, v); return this; }
  public SparkevalEvaluator setWeightCol(String v) { set(weightCol, v); return this; }
  public SparkevalEvaluator setTask(String v) { set(task, v); return this; }
  public SparkevalEvaluator setMetric(String v) { set(metric, v); return this; }
  public SparkevalEvaluator setMetrics(String... v) { set(metrics, v); return this; }
  public SparkevalEvaluator setLogits(boolean v) { set(logits, v); return this; }
  public SparkevalEvaluator setThreshold(double v) { set(threshold, v); return this; }

  public String getLabelCol() { return $(labelCol); }
  public String getPredictionCol() { return isDefined(predictionCol) ? $(predictionCol) : taskValue().defaultPrediction(); }
  public String getWeightCol() { return isDefined(weightCol) ? $(weightCol) : null; }
  public String getTask() { return $(task); }
  public String getMetric() { return isDefined(metric) ? $(metric) : defaultSpecs(taskValue()).get(0); }
  public String[] getMetrics() { return $(metrics); }
  public boolean getLogits() { return (Boolean) $(logits); }
  public double getThreshold() { return (Double) $(threshold); }

  private Task taskValue() {
    return Task.parse(getTask());
  }

  private static List<String> defaultSpecs(Task t) {
    return t.defaultLosses().isEmpty() ? t.defaultMetrics() : t.defaultLosses();
  }

  /** The task and the spec evaluate() returns: {@code metric}, or MLlib's {@code metricName} with its meaning. */
  private record Setup(Task task, String spec) {}

  private Setup setup() {
    String name = getMetricName();
    if (name == null) return new Setup(taskValue(), getMetric());
    if (isSet(metric)) {
      throw new UsageException("set metric (a sparkeval spec) or metricName (an MLlib name), not both; got metric '"
          + $(metric) + "' and metricName '" + name + "'");
    }
    Task t = MllibGroupedNames.task(name);
    if (t == null) {
      throw new UsageException("metricName '" + name + "' is not a RankingEvaluator or ClusteringEvaluator name here; they are "
          + MllibGroupedNames.RANKING + " and " + MllibGroupedNames.CLUSTERING + "; other tasks take metric, a sparkeval spec");
    }
    return new Setup(t, t == Task.RANKING ? MllibGroupedNames.ranking(name, getK())
        : MllibGroupedNames.clustering(name, getDistanceMeasure()));
  }

  /** The value of {@code metric} (or MLlib's {@code metricName}); NaN when it is undefined on this data (for example R² of one row). */
  @Override public double evaluate(Dataset<?> dataset) {
    Setup s = setup();
    return run(dataset, s.task(), List.of(s.spec())).value(s.spec());
  }

  /** {@code metric} and every spec of {@code metrics}, by spec, from one pass over the data (NaN where undefined). */
  public Map<String, Double> evaluateAll(Dataset<?> dataset) {
    return result(dataset).values();
  }

  /** The whole evaluation of {@code metric} and {@code metrics}: counts, values and report blocks. */
  public Evaluation.Result result(Dataset<?> dataset) {
    Setup setup = setup();
    List<String> specs = new ArrayList<>(List.of(setup.spec()));
    for (String s : getMetrics()) if (!specs.contains(s)) specs.add(s);
    return run(dataset, setup.task(), specs);
  }

  private Evaluation.Result run(Dataset<?> dataset, Task task, List<String> specs) {
    String prediction = isDefined(predictionCol) ? $(predictionCol) : task.defaultPrediction();
    Evaluation.Builder b = Evaluation.of(dataset).task(task).prediction(prediction).metric(specs.toArray(new String[0]));
    if (task == Task.CLUSTERING) b.features(getFeaturesCol());
    else b.label(getLabelCol()).logits(getLogits()).threshold(getThreshold());
    if (task == Task.RANKING && getQueryCol() != null) b.query(getQueryCol());
    if (getWeightCol() != null) b.weight(getWeightCol());
    return b.run();
  }

  /** Losses are smaller-is-better; metrics follow their meaning (accuracy larger, log_loss smaller). */
  @Override public boolean isLargerBetter() {
    Setup s = setup();
    Catalog.Resolved r = Catalogs.standard().resolve(s.spec(),
        new EvalOptions(s.task(), getLogits(), getThreshold(), null, getWeightCol() != null));
    Direction d = r.entry().direction();
    if (d == Direction.CLOSEST_TO_ZERO) {
      throw new UsageException("'" + getMetric() + "' has no better direction (it is best at 0, not at an end);"
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
