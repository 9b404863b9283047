package dev.sparkeval.core;

/**
 * How the exact sum S of a batch's row losses and the exact sum D of their denominator weights
 * (the row count, or the class-weight sum of a weighted cross-entropy) become the batch loss L,
 * and dL/dS, the factor that turns the summed row gradients into the batch gradient.
 */
public enum Reduction {
  /** L = S / D. */
  MEAN,
  /** L = sqrt(S / D) (rmse). */
  ROOT_MEAN,
  /** L = S / 2 (sse). */
  HALF_SUM;

  /** The batch loss; NaN when a mean has a zero denominator (every row ignored). */
  public double loss(ExactSum s, ExactSum d) {
    if (this != HALF_SUM && d.value() == 0) return Double.NaN;
    return switch (this) {
      case MEAN -> Exact.ratio(s, d);
      case ROOT_MEAN -> Math.sqrt(Exact.ratio(s, d));
      case HALF_SUM -> 0.5 * s.value();
    };
  }

  public double scale(double loss, ExactSum d) {
    return switch (this) {
      case MEAN -> 1.0 / d.value();
      case ROOT_MEAN -> loss == 0 ? 0.0 : 1.0 / (2 * loss * d.value());
      case HALF_SUM -> 0.5;
    };
  }
}
