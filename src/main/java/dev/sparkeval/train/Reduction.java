package dev.sparkeval.train;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.ExactSum;

/**
 * How the exact sum S of n row losses becomes the batch loss L, and dL/dS, the factor that turns
 * the summed row gradients into the batch gradient.
 */
public enum Reduction {
  /** L = S / n. */
  MEAN,
  /** L = sqrt(S / n) (rmse). */
  ROOT_MEAN,
  /** L = S / 2 (sse). */
  HALF_SUM;

  public double loss(ExactSum s, long n) {
    return switch (this) {
      case MEAN -> Exact.ratio(s, count(n));
      case ROOT_MEAN -> Math.sqrt(Exact.ratio(s, count(n)));
      case HALF_SUM -> 0.5 * s.value();
    };
  }

  public double scale(double loss, long n) {
    return switch (this) {
      case MEAN -> 1.0 / n;
      case ROOT_MEAN -> loss == 0 ? 0.0 : 1.0 / (2 * loss * n);
      case HALF_SUM -> 0.5;
    };
  }

  private static ExactSum count(long n) {
    ExactSum c = new ExactSum();
    c.add(n);
    return c;
  }
}
