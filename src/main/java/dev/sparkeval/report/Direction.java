package dev.sparkeval.report;

import java.util.Set;

/** Which way is better for a loss or metric, by the name of its spec. */
final class Direction {
  private static final Set<String> LOWER = Set.of("mse", "sse", "rmse", "mae", "huber", "smooth_l1", "log_cosh",
      "quantile", "bce", "focal", "cross_entropy", "kl_div", "cosine", "cosine_embedding", "triplet", "dice", "tversky",
      "mape", "log_loss", "brier", "ece", "hamming_loss", "js_divergence", "fpr", "hinge", "coverage_error",
      "label_ranking_loss");

  private Direction() {}

  static String name(String spec) {
    int c = spec.indexOf(':');
    return c < 0 ? spec : spec.substring(0, c);
  }

  static boolean lowerIsBetter(String spec) {
    return LOWER.contains(name(spec));
  }

  /** Larger is worse: the value itself for losses, its negation for scores, |bias| for mean_error. */
  static double badness(String spec, double v) {
    if (name(spec).equals("mean_error")) return Math.abs(v);
    return lowerIsBetter(spec) ? v : -v;
  }

  static String better(String spec) {
    if (name(spec).equals("mean_error")) return "closer to 0 is better";
    return lowerIsBetter(spec) ? "lower is better" : "higher is better";
  }
}
