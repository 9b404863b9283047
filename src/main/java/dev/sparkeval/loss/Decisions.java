package dev.sparkeval.loss;

/**
 * Turning scores into decisions and probabilities, the way Spark ML and NumPy do. The one
 * sigmoid and the one softmax of the project: evaluate (logits to probabilities), predict (a
 * model's probability columns) and training's sigmoid activation all call these, so predict and
 * evaluate agree to the bit. StrictMath.exp (fdlibm): the same bits on every JVM and CPU.
 */
public final class Decisions {
  private Decisions() {}

  /** Index of the largest element; the first one on ties (numpy.argmax, Spark ML's argmax). */
  public static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
    return best;
  }

  /** The logistic function, without overflow for large |z|. */
  public static double sigmoid(double z) {
    if (z >= 0) return 1.0 / (1.0 + StrictMath.exp(-z));
    double t = StrictMath.exp(z);
    return t / (1.0 + t);
  }

  /** Softmax of z into out, same length (max subtracted first, so nothing overflows); out may be z. */
  public static void softmax(double[] z, double[] out) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : z) m = Math.max(m, x);
    double s = 0;
    for (int i = 0; i < z.length; i++) {
      out[i] = StrictMath.exp(z[i] - m);
      s += out[i];
    }
    for (int i = 0; i < z.length; i++) out[i] /= s;
  }

  /** log_softmax(z)[c], computed as PyTorch does: z_c - max - log(sum exp(z - max)). */
  public static double logSoftmax(double[] z, int c) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : z) m = Math.max(m, x);
    double s = 0;
    for (double x : z) s += Math.exp(x - m);
    return z[c] - m - Math.log(s);
  }
}
