package dev.sparkeval.catalog;

import dev.sparkeval.core.Entry;
import java.util.Map;

/**
 * Which way is better for each metric, for model selection (Spark ML's isLargerBetter). Losses
 * are always smaller-is-better. A metric added to the catalogue needs a line here; a test checks
 * that every catalogue metric has one.
 */
public final class Directions {
  /** Better when larger, when smaller, or neither (a signed bias such as mean_error is best at 0). */
  public enum Direction { LARGER, SMALLER, NONE }

  private static final Map<String, Direction> METRICS = Map.ofEntries(
      Map.entry("r2", Direction.LARGER), Map.entry("explained_variance", Direction.LARGER),
      Map.entry("mape", Direction.SMALLER), Map.entry("mean_error", Direction.NONE),
      Map.entry("accuracy", Direction.LARGER), Map.entry("precision", Direction.LARGER),
      Map.entry("recall", Direction.LARGER), Map.entry("f1", Direction.LARGER), Map.entry("fbeta", Direction.LARGER),
      Map.entry("specificity", Direction.LARGER), Map.entry("balanced_accuracy", Direction.LARGER),
      Map.entry("mcc", Direction.LARGER), Map.entry("cohen_kappa", Direction.LARGER),
      Map.entry("auc_roc", Direction.LARGER), Map.entry("auc_pr", Direction.LARGER),
      Map.entry("log_loss", Direction.SMALLER), Map.entry("brier", Direction.SMALLER), Map.entry("ece", Direction.SMALLER),
      Map.entry("top_k_accuracy", Direction.LARGER), Map.entry("hamming_loss", Direction.SMALLER),
      Map.entry("subset_accuracy", Direction.LARGER), Map.entry("js_divergence", Direction.SMALLER),
      Map.entry("cosine_similarity", Direction.LARGER), Map.entry("iou", Direction.LARGER));

  private Directions() {}

  /** The direction of a catalogue entry; null for a metric nobody has classified yet. */
  public static Direction of(Entry e) {
    return e.kind() == Entry.Kind.LOSS ? Direction.SMALLER : METRICS.get(e.name());
  }
}
