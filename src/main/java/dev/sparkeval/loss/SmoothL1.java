package dev.sparkeval.loss;

/** torch.nn.SmoothL1Loss: 0.5 d^2 / beta when |d| < beta, else |d| - beta / 2 (beta = 0 is L1). */
public final class SmoothL1 implements PointLoss {
  private static final long serialVersionUID = 1L;
  private final double beta;

  public SmoothL1(double beta) {
    this.beta = beta;
  }

  @Override public String key() { return "smooth_l1:beta=" + beta; }

  @Override public double value(double y, double p) {
    double a = Math.abs(y - p);
    return a < beta ? 0.5 * a * a / beta : a - 0.5 * beta;
  }

  @Override public double derivative(double y, double p) {
    double d = p - y;
    return Math.abs(d) < beta ? d / beta : Math.signum(d);
  }
}
