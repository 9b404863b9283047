package dev.sparkeval.drift;

/**
 * PSI and Jensen-Shannon between two distributions over the same bins, as the monitoring tools
 * compute them: both in natural log, term by term in bin order.
 */
public final class Divergences {
  private Divergences() {}

  /**
   * Population stability index sum (c - r) ln(c / r). An empty bin on one side would make it
   * infinite, so, as Evidently does, a zero share becomes 0.0001, or a millionth of that side's
   * smallest non-zero share when that is not above 0.0001.
   */
  public static double psi(double[] reference, double[] current) {
    double[] r = floored(reference);
    double[] c = floored(current);
    double s = 0;
    for (int k = 0; k < r.length; k++) s += (r[k] - c[k]) * Math.log(r[k] / c[k]);
    return s;
  }

  private static double[] floored(double[] shares) {
    double least = Double.POSITIVE_INFINITY;
    for (double v : shares) if (v != 0) least = Math.min(least, v);
    double floor = least <= 1e-4 ? least / 1e6 : 1e-4;
    double[] out = shares.clone();
    for (int k = 0; k < out.length; k++) if (out[k] == 0) out[k] = floor;
    return out;
  }

  /**
   * Jensen-Shannon divergence (KL(r || m) + KL(c || m)) / 2 with m = (r + c) / 2, in [0, ln 2]: the
   * project's js_divergence, the square of scipy's {@code jensenshannon} distance. Empty bins add 0.
   */
  public static double js(double[] reference, double[] current) {
    double left = 0, right = 0;
    for (int k = 0; k < reference.length; k++) {
      double m = (reference[k] + current[k]) / 2;
      left += relEntr(reference[k], m);
      right += relEntr(current[k], m);
    }
    return (left + right) / 2;
  }

  /** scipy.special.rel_entr: x ln(x / y), 0 at x = 0. */
  private static double relEntr(double x, double y) {
    return x == 0 ? 0 : x * Math.log(x / y);
  }
}
