package dev.sparkeval.loss;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowFunction;

/**
 * One row of the Jensen-Shannon divergence, natural log: (KL(p || m) + KL(q || m)) / 2 with
 * m = (p + q) / 2. It is the square of scipy's jensenshannon distance; it lies in [0, ln 2].
 * q is the predicted distribution (softmax of the logits with --logits).
 */
public final class JsDivergence implements RowFunction {
  private static final long serialVersionUID = 1L;

  @Override public String key() { return "js_divergence"; }

  @Override public double apply(Example e) {
    double[] p = e.labelVec;
    double[] q = e.predictionVec;
    double a = 0, b = 0;
    for (int i = 0; i < p.length; i++) {
      double m = (p[i] + q[i]) / 2.0;
      a += Vectors.relEntr(p[i], m);
      b += Vectors.relEntr(q[i], m);
    }
    return (a + b) / 2.0;
  }
}
