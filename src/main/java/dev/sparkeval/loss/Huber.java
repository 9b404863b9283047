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
    for (int i = 0; i < b.size; i++) {
      double a = Math.abs(y[i] - p[i]);
      out[i] = a < d ? 0.5 * a * a : d * (a - 0.5 * d);
    }
  }

  @Override public double derivative(double y, double p) {
    double d = p - y;
    return Math.abs(d) < delta ? d : delta * Math.signum(d);
  }
}
