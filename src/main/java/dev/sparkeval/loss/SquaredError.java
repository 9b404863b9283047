package dev.sparkeval.loss;

/** (y - p)^2, the term of torch.nn.MSELoss. */
public final class SquaredError implements PointLoss {
  private static final long serialVersionUID = 1L;

  @Override public String key() { return "squared_error"; }

  @Override public double value(double y, double p) {
    double d = y - p;
    return d * d;
  }

  @Override public double derivative(double y, double p) {
    return 2 * (p - y);
  }
}
