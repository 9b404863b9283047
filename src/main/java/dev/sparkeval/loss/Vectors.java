package dev.sparkeval.loss;

/** Small vector helpers shared by the vector losses; none allocates. */
public final class Vectors {
  private Vectors() {}

  public static double dot(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) s += x[i] * y[i];
    return s;
  }

  public static double max(double[] z) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : z) m = Math.max(m, v);
    return m;
  }

  /** log(sum(exp(z - max))): with it, log_softmax(z)_i = z_i - max - lse, stable for large logits. */
  public static double logSumExpShifted(double[] z, double max) {
    double s = 0;
    for (double v : z) s += Math.exp(v - max);
    return Math.log(s);
  }

  /** x log(x / y), 0 when x = 0 (scipy.special.rel_entr). */
  public static double relEntr(double x, double y) {
    return x == 0 ? 0 : x * Math.log(x / y);
  }
}
