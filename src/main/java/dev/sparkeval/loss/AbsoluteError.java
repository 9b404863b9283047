package dev.sparkeval.loss;

/** |y - p|, the term of torch.nn.L1Loss; its derivative at 0 is taken as 0, as PyTorch does. */
public final class AbsoluteError implements PointLoss {
  private static final long serialVersionUID = 1L;

  @Override public String key() { return "absolute_error"; }

  @Override public double value(double y, double p) {
    return Math.abs(y - p);
  }

  @Override public double derivative(double y, double p) {
    return Math.signum(p - y);
  }
}
