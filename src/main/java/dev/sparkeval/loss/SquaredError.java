package dev.sparkeval.loss;

import dev.sparkeval.core.Batch;

/** (y - p)^2, the term of torch.nn.MSELoss. */
public final class SquaredError implements PointLoss {
  private static final long serialVersionUID = 1L;

  @Override public String key() { return "squared_error"; }

  @Override public double value(double y, double p) {
    double d = y - p;
    return d * d;
  }

  @Override public void apply(Batch b, double[] out) {
    double[] y = b.label, p = b.prediction;
    for (int i = 0; i < b.size; i++) {
      double d = y[i] - p[i];
      out[i] = d * d;
    }
  }

  @Override public double derivative(double y, double p) {
    return 2 * (p - y);
  }
}
