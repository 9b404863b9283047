package dev.sparkeval.loss;

import dev.sparkeval.core.Batch;

/** |y - p|, the term of torch.nn.L1Loss; its derivative at 0 is taken as 0, as PyTorch does. */
public final class AbsoluteError implements PointLoss {
  private static final long serialVersionUID = 1L;

  @Override public String key() { return "absolute_error"; }

  @Override public double value(double y, double p) {
    return Math.abs(y - p);
  }

  @Override public void apply(Batch b, double[] out) {
    double[] y = b.label, p = b.prediction;
    for (int i = 0; i < b.size; i++) out[i] = Math.abs(y[i] - p[i]);
  }

  @Override public double derivative(double y, double p) {
    return Math.signum(p - y);
  }
}
