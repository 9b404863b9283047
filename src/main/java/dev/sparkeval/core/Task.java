package dev.sparkeval.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The kinds of prediction table sparkeval evaluates, with their default columns and measures. */
public enum Task {
  REGRESSION("prediction", List.of("mse", "rmse", "mae"), List.of("r2", "explained_variance", "mean_error")),
  BINARY("probability", List.of("bce"), List.of("accuracy", "precision", "recall", "f1", "auc_roc", "auc_pr", "log_loss", "brier")),
  MULTICLASS("probability", List.of("cross_entropy"), List.of("accuracy", "f1:average=macro", "log_loss")),
  MULTILABEL("probability", List.of("bce"), List.of("hamming_loss", "subset_accuracy", "f1:average=micro")),
  DISTRIBUTION("prediction", List.of("kl_div"), List.of("js_divergence")),
  EMBEDDING("prediction", List.of("cosine"), List.of("cosine_similarity")),
  SEGMENTATION("prediction", List.of("dice"), List.of("iou")),
  RANKING("prediction", List.of(), List.of("ndcg:k=10", "map", "mrr", "precision:k=10", "recall:k=10")),
  CLUSTERING("prediction", List.of(), List.of("silhouette"));

  private final String defaultPrediction;
  private final List<String> defaultLosses;
  private final List<String> defaultMetrics;

  Task(String defaultPrediction, List<String> losses, List<String> metrics) {
    this.defaultPrediction = defaultPrediction;
    this.defaultLosses = losses;
    this.defaultMetrics = metrics;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String defaultPrediction() {
    return defaultPrediction;
  }

  public List<String> defaultLosses() {
    return defaultLosses;
  }

  public List<String> defaultMetrics() {
    return defaultMetrics;
  }

  public boolean isClassification() {
    return this == BINARY || this == MULTICLASS || this == MULTILABEL;
  }

  public static Task parse(String s) {
    if (s == null) {
      throw new UsageException("--task is required: one of " + ids());
    }
    for (Task t : values()) {
      if (t.id().equals(s.toLowerCase(Locale.ROOT))) return t;
    }
    throw new UsageException("unknown --task '" + s + "'" + Suggest.hint(s, ids()) + "; expected one of " + ids());
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(Task::id).toList();
  }
}
