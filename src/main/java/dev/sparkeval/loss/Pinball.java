package dev.sparkeval.loss;

/** The quantile (pinball) loss: max(q (y - p), (q - 1) (y - p)), as sklearn's mean_pinball_loss. */
public final class Pinball implements PointLoss {
  private static final long serialVersionUID = 1L;
  private final double q;

  public Pinball(double q) {
    this.q = q;
  }

  @Override public String key() { return "quantile:q=" + q; }

  @Override public double value(double y, double p) {
    double d = y - p;
    return d >= 0 ? q * d : (q - 1) * d;
  }

  @Override public double derivative(double y, double p) {
    return y - p >= 0 ? -q : 1 - q;
  }
}
