package dev.sparkeval.spark.ml;

import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The metricName of every MLlib evaluator and the sparkeval spec with MLlib's meaning: which task,
 * which column MLlib reads as the prediction, and the spec (MLlib's metricLabel, beta, eps, k and
 * distanceMeasure become its parameters). Plain Java, so that the table is testable on its own.
 */
public final class MllibNames {
  /** The column an MLlib evaluator reads for a metric: predictionCol, rawPredictionCol or probabilityCol. */
  public enum Column { PREDICTION, RAW_PREDICTION, PROBABILITY }

  /** What a name means here: the task, the column, logits (binary raw scores), label sets (multilabel ids) and the spec. */
  public record Mapping(String evaluator, Task task, Column column, boolean logits, boolean labelSets, String spec) {}

  /** MLlib's parameters that enter a spec (k: RankingEvaluator's cutoff; distanceMeasure: ClusteringEvaluator's). */
  public record Params(double metricLabel, double beta, double eps, boolean throughOrigin, int k, String distanceMeasure) {
    public static final Params DEFAULTS = new Params(0.0, 1.0, 1e-15, false, 10, "squaredEuclidean");
  }

  static final Map<String, List<String>> EVALUATORS = new LinkedHashMap<>();

  static {
    EVALUATORS.put("RegressionEvaluator", List.of("rmse", "mse", "r2", "mae", "var"));
    EVALUATORS.put("BinaryClassificationEvaluator", List.of("areaUnderROC", "areaUnderPR"));
    EVALUATORS.put("MulticlassClassificationEvaluator", List.of("f1", "accuracy", "weightedPrecision", "weightedRecall",
        "weightedTruePositiveRate", "weightedFalsePositiveRate", "weightedFMeasure", "truePositiveRateByLabel",
        "falsePositiveRateByLabel", "precisionByLabel", "recallByLabel", "fMeasureByLabel", "logLoss", "hammingLoss"));
    EVALUATORS.put("MultilabelClassificationEvaluator", List.of("subsetAccuracy", "accuracy", "hammingLoss", "precision",
        "recall", "f1Measure", "precisionByLabel", "recallByLabel", "f1MeasureByLabel", "microPrecision", "microRecall",
        "microF1Measure"));
    EVALUATORS.put("RankingEvaluator", List.of("meanAveragePrecision", "meanAveragePrecisionAtK", "precisionAtK", "ndcgAtK",
        "recallAtK"));
    EVALUATORS.put("ClusteringEvaluator", List.of("silhouette"));
  }

  private MllibNames() {}

  /** The tasks whose MLlib evaluator has this metricName (two for accuracy, hammingLoss, precisionByLabel, recallByLabel). */
  public static List<Task> tasks(String name) {
    List<Task> out = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : EVALUATORS.entrySet()) {
      if (!e.getValue().contains(name)) continue;
      switch (e.getKey()) {
        case "RegressionEvaluator" -> out.add(Task.REGRESSION);
        case "BinaryClassificationEvaluator" -> out.add(Task.BINARY);
        case "MulticlassClassificationEvaluator" -> out.add(Task.MULTICLASS);
        case "MultilabelClassificationEvaluator" -> out.add(Task.MULTILABEL);
        case "RankingEvaluator" -> out.add(Task.RANKING);
        default -> out.add(Task.CLUSTERING);
      }
    }
    if (out.isEmpty()) {
      List<String> all = new ArrayList<>();
      EVALUATORS.values().forEach(all::addAll);
      throw new UsageException("unknown metricName '" + name + "'" + dev.sparkeval.core.Suggest.hint(name, all)
          + "; MLlib's evaluators name " + String.join(", ", all));
    }
    return out;
  }

  /** The sparkeval meaning of an MLlib metricName for one of its tasks. */
  public static Mapping map(String name, Task task, Params p) {
    if (!tasks(name).contains(task)) {
      throw new UsageException("metricName '" + name + "' is not a metric of MLlib's evaluator for task " + task.id()
          + "; it is for " + String.join(", ", tasks(name).stream().map(Task::id).toList()));
    }
    if (task == Task.RANKING) return new Mapping("RankingEvaluator", task, Column.PREDICTION, false, false, ranking(name, p.k()));
    if (task == Task.CLUSTERING) {
      return new Mapping("ClusteringEvaluator", task, Column.PREDICTION, false, false, silhouette(p.distanceMeasure()));
    }
    String beta = "beta=" + num(p.beta());
    return switch (task) {
      case REGRESSION -> new Mapping("RegressionEvaluator", task, Column.PREDICTION, false, false, switch (name) {
        case "r2" -> p.throughOrigin() ? "r2:through_origin=true" : "r2";
        case "var" -> "regression_variance";
        default -> name;
      });
      case BINARY -> new Mapping("BinaryClassificationEvaluator", task, Column.RAW_PREDICTION, true, false,
          name.equals("areaUnderROC") ? "auc_roc" : "auc_pr:method=trapezoid");
      case MULTICLASS -> new Mapping("MulticlassClassificationEvaluator", task,
          name.equals("logLoss") ? Column.PROBABILITY : Column.PREDICTION, false, false, switch (name) {
            case "f1" -> "f1:average=weighted";
            case "accuracy" -> "accuracy";
            case "weightedPrecision" -> "precision:average=weighted";
            case "weightedRecall", "weightedTruePositiveRate" -> "recall:average=weighted";
            case "weightedFalsePositiveRate" -> "fpr:average=weighted";
            case "weightedFMeasure" -> "fbeta:average=weighted," + beta;
            case "truePositiveRateByLabel", "recallByLabel" -> "recall:class=" + label(p);
            case "falsePositiveRateByLabel" -> "fpr:class=" + label(p);
            case "precisionByLabel" -> "precision:class=" + label(p);
            case "fMeasureByLabel" -> "fbeta:class=" + label(p) + "," + beta;
            case "logLoss" -> "log_loss:eps=" + num(p.eps());
            default -> "hamming_loss";
          });
      default -> new Mapping("MultilabelClassificationEvaluator", task, Column.PREDICTION, false, true, switch (name) {
        case "subsetAccuracy" -> "subset_accuracy";
        case "accuracy" -> "jaccard:average=samples";
        case "hammingLoss" -> "hamming_loss:labels=in_truth";
        case "precision" -> "precision:average=samples";
        case "recall" -> "recall:average=samples";
        case "f1Measure" -> "f1:average=samples";
        case "precisionByLabel" -> "precision:class=" + label(p);
        case "recallByLabel" -> "recall:class=" + label(p);
        case "f1MeasureByLabel" -> "f1:class=" + label(p);
        case "microPrecision" -> "precision:average=micro";
        case "microRecall" -> "recall:average=micro";
        default -> "f1:average=micro";
      });
    };
  }

  /** RankingEvaluator's names; k is used by the ...AtK names, as MLlib does. */
  private static String ranking(String name, int k) {
    if (k < 1) throw new UsageException("k must be a positive integer (RankingEvaluator's cutoff), got " + k);
    return switch (name) {
      case "meanAveragePrecision" -> "map";
      case "meanAveragePrecisionAtK" -> "map:k=" + k;
      case "precisionAtK" -> "precision:k=" + k;
      case "ndcgAtK" -> "ndcg:k=" + k;
      default -> "recall:k=" + k;
    };
  }

  private static String silhouette(String distanceMeasure) {
    return switch (distanceMeasure == null ? "" : distanceMeasure.toLowerCase(Locale.ROOT)) {
      case "squaredeuclidean" -> "silhouette";
      case "cosine" -> "silhouette:distance=cosine";
      default -> throw new UsageException("distanceMeasure must be squaredEuclidean or cosine (ClusteringEvaluator's),"
          + " got '" + distanceMeasure + "'");
    };
  }

  private static String label(Params p) {
    double l = p.metricLabel();
    if (l != Math.rint(l) || l < 0) {
      throw new UsageException("metricLabel must be a class index (0, 1, 2, ...) here, got " + num(l));
    }
    return Long.toString((long) l);
  }

  private static String num(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
