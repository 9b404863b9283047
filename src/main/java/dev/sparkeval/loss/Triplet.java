package dev.sparkeval.loss;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowFunction;

/**
 * One row of torch.nn.TripletMarginLoss: max(d(a, p) - d(a, n) + margin, 0), with d the
 * pairwise_distance ||x - y + eps||_p (eps 1e-6 added to the difference, as PyTorch does). With
 * swap, d(a, n) is replaced by min(d(a, n), d(p, n)).
 */
public final class Triplet implements RowFunction {
  private static final long serialVersionUID = 1L;
  static final double EPS = 1e-6;
  private final double margin;
  private final double p;
  private final boolean swap;

  public Triplet(double margin, double p, boolean swap) {
    this.margin = margin;
    this.p = p;
    this.swap = swap;
  }

  @Override public String key() { return "triplet:margin=" + margin + ",p=" + p + ",swap=" + swap; }

  @Override public double apply(Example e) {
    double dPos = distance(e.anchor, e.positive);
    double dNeg = distance(e.anchor, e.negative);
    if (swap) dNeg = Math.min(dNeg, distance(e.positive, e.negative));
    return Math.max(margin + dPos - dNeg, 0);
  }

  double distance(double[] x, double[] y) {
    double s = 0;
    if (p == 2) {
      for (int i = 0; i < x.length; i++) {
        double d = x[i] - y[i] + EPS;
        s += d * d;
      }
      return Math.sqrt(s);
    }
    if (p == 1) {
      for (int i = 0; i < x.length; i++) s += Math.abs(x[i] - y[i] + EPS);
      return s;
    }
    for (int i = 0; i < x.length; i++) s += Math.pow(Math.abs(x[i] - y[i] + EPS), p);
    return Math.pow(s, 1 / p);
  }
}
