package dev.sparkeval.core;

import java.math.MathContext;

/** Finishing arithmetic on exact sums: quotients and variances rounded once, at the end. */
public final class Exact {
  /** 40 significant digits: far beyond a double's 17, so the final rounding decides the result. */
  public static final MathContext MC = new MathContext(40);

  private Exact() {}

  /** a / b rounded to double; b must be non-zero. */
  public static double ratio(ExactSum a, ExactSum b) {
    if (!a.isFinite() || !b.isFinite()) return a.value() / b.value();
    return a.exact().divide(b.exact(), MC).doubleValue();
  }
}
