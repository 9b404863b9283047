package dev.sparkeval.loss;

/**
 * log(cosh(d)), written as |d| + log1p(exp(-2|d|)) - log 2 so that it neither overflows nor
 * loses digits for large errors (cosh(d) overflows a double beyond |d| = 710).
 */
public final class LogCosh implements PointLoss {
  private static final long serialVersionUID = 1L;
  private static final double LN2 = Math.log(2.0);

  @Override public String key() { return "log_cosh"; }

  @Override public double value(double y, double p) {
    double a = Math.abs(p - y);
    return a + Math.log1p(Math.exp(-2 * a)) - LN2;
  }

  @Override public double derivative(double y, double p) {
    return Math.tanh(p - y);
  }
}
