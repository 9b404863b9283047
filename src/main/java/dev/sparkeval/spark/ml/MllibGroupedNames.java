package dev.sparkeval.spark.ml;

import dev.sparkeval.core.Suggest;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import java.util.List;
import java.util.Locale;

/**
 * The metricName of MLlib's RankingEvaluator (with its k) and ClusteringEvaluator (with its
 * distanceMeasure), and the sparkeval spec with MLlib's meaning. Plain Java, testable on its own.
 */
public final class MllibGroupedNames {
  /** RankingEvaluator's names, in its order. */
  public static final List<String> RANKING = List.of("meanAveragePrecision", "meanAveragePrecisionAtK", "precisionAtK",
      "ndcgAtK", "recallAtK");
  /** ClusteringEvaluator's names. */
  public static final List<String> CLUSTERING = List.of("silhouette");

  private MllibGroupedNames() {}

  /** The task of one of these names; null for a name of another MLlib evaluator. */
  public static Task task(String metricName) {
    if (RANKING.contains(metricName)) return Task.RANKING;
    if (CLUSTERING.contains(metricName)) return Task.CLUSTERING;
    return null;
  }

  /** The spec of a RankingEvaluator metric at MLlib's k (used by the ...AtK names, as MLlib does). */
  public static String ranking(String metricName, int k) {
    if (k < 1) throw new UsageException("k must be > 0 (MLlib's RankingEvaluator), got " + k);
    return switch (metricName) {
      case "meanAveragePrecision" -> "map";
      case "meanAveragePrecisionAtK" -> "map:k=" + k;
      case "precisionAtK" -> "precision:k=" + k;
      case "ndcgAtK" -> "ndcg:k=" + k;
      case "recallAtK" -> "recall:k=" + k;
      default -> throw unknown(metricName, RANKING, "RankingEvaluator");
    };
  }

  /** The spec of a ClusteringEvaluator metric with MLlib's distanceMeasure (squaredEuclidean or cosine). */
  public static String clustering(String metricName, String distanceMeasure) {
    if (!CLUSTERING.contains(metricName)) throw unknown(metricName, CLUSTERING, "ClusteringEvaluator");
    return switch (distanceMeasure.toLowerCase(Locale.ROOT)) {
      case "squaredeuclidean" -> "silhouette";
      case "cosine" -> "silhouette:distance=cosine";
      default -> throw new UsageException("distanceMeasure must be squaredEuclidean or cosine (MLlib's ClusteringEvaluator), got '"
          + distanceMeasure + "'");
    };
  }

  private static UsageException unknown(String name, List<String> names, String evaluator) {
    return new UsageException("metricName '" + name + "' is not one of MLlib's " + evaluator + "'s" + Suggest.hint(name, names)
        + "; it has " + String.join(", ", names));
  }
}
