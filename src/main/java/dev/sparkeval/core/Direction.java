package dev.sparkeval.core;

/**
 * Which way a loss or metric is better: what model selection maximises or minimises (Spark ML's
 * isLargerBetter), what the HTML report says beside a value and how it sorts slices worst first.
 */
public enum Direction {
  /** Scores: accuracy, r2, auc_roc, ... */
  LARGER("higher is better"),
  /** Losses and error rates: mse, log_loss, ece, ... */
  SMALLER("lower is better"),
  /** A signed bias such as mean_error: best at 0, worse the farther it is on either side. */
  CLOSEST_TO_ZERO("closer to 0 is better");

  private final String better;

  Direction(String better) {
    this.better = better;
  }

  /** The phrase a report shows beside the value. */
  public String better() {
    return better;
  }

  /** How bad a value is, larger meaning worse: the value, its negation, or its distance from 0. */
  public double badness(double v) {
    return switch (this) {
      case LARGER -> -v;
      case SMALLER -> v;
      case CLOSEST_TO_ZERO -> Math.abs(v);
    };
  }
}
