package dev.sparkeval.loss;

import dev.sparkeval.core.Batch;

/** torch.nn.HuberLoss: 0.5 d^2 when |d| < delta, else delta (|d| - delta / 2). */
public final class Huber implements PointLoss {
  private static final long serialVersionUID = 1L;
  private final double delta;

  public Huber(double delta) {
    this.delta = delta;
  }

  @Override public String key() { return "huber:delta=" + delta; }

  @Override public double value(double y, double p) {
    double a = Math.abs(y - p);
    return a < delta ? 0.5 * a * a : delta * (a - 0.5 * delta);
  }

  @Override public void apply(Batch b, double[] out) {
    double[] y = b.label, p = b.prediction;
    double d = delta;
    long db = Double.doubleToRawLongBits(d);
    for (int i = 0; i < b.size; i++) {
      double a = Math.abs(y[i] - p[i]);
      long m = (Double.doubleToRawLongBits(a) - db) >> 63; // -1 when a < d (both >= 0: their bits order as they do)
      long q = Double.doubleToRawLongBits(0.5 * a * a), l = Double.doubleToRawLongBits(d * (a - 0.5 * d));
      out[i] = Double.longBitsToDouble((q & m) | (l & ~m)); // value(), without a branch that random data mispredicts
    }
  }

  @Override public double derivative(double y, double p) {
    double d = p - y;
    return Math.abs(d) < delta ? d : delta * Math.signum(d);
  }
}
