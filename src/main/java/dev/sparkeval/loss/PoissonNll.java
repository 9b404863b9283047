package dev.sparkeval.loss;

/**
 * torch.nn.PoissonNLLLoss. log_input: exp(p) - y p (p is the log rate); otherwise p - y log(p + eps).
 * full adds the Stirling term y log y - y + log(2 pi y) / 2 where y > 1.
 */
public final class PoissonNll implements PointLoss {
  private static final long serialVersionUID = 1L;
  private final boolean logInput, full;
  private final double eps;

  public PoissonNll(boolean logInput, boolean full, double eps) {
    this.logInput = logInput;
    this.full = full;
    this.eps = eps;
  }

  @Override public String key() { return "poisson_nll:log_input=" + logInput + ",full=" + full + ",eps=" + eps; }

  @Override public double value(double y, double p) {
    double loss = logInput ? Math.exp(p) - y * p : p - y * Math.log(p + eps);
    if (full && y > 1) loss += y * Math.log(y) - y + 0.5 * Math.log(2 * Math.PI * y);
    return loss;
  }

  @Override public double derivative(double y, double p) {
    return logInput ? Math.exp(p) - y : 1 - y / (p + eps);
  }
}
