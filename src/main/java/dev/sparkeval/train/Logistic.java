package dev.sparkeval.train;

/** Links from model outputs (logits) to probabilities, computed without overflow. StrictMath: same bits on every JVM. */
public final class Logistic {
  private Logistic() {}

  public static double sigmoid(double z) {
    if (z >= 0) return 1 / (1 + StrictMath.exp(-z));
    double e = StrictMath.exp(z);
    return e / (1 + e);
  }

  /** softmax(z) into p (shifted by the max so that exp never overflows). */
  public static void softmax(double[] z, int k, double[] p) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < k; i++) max = Math.max(max, z[i]);
    double s = 0;
    for (int i = 0; i < k; i++) {
      p[i] = StrictMath.exp(z[i] - max);
      s += p[i];
    }
    for (int i = 0; i < k; i++) p[i] /= s;
  }
}
