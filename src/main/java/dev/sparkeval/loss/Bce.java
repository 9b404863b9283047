package dev.sparkeval.loss;

import dev.sparkeval.core.Batch;
import dev.sparkeval.core.Example;

/**
 * torch.nn.BCELoss on a probability p: -(y log p + (1 - y) log(1 - p)), each log clamped at
 * -100 as PyTorch does (log(1 - p) taken literally, as torch 1.13's kernel does).
 */
public final class Bce implements PointLoss {
  private static final long serialVersionUID = 1L;

  @Override public String key() { return "bce"; }

  @Override public double value(double y, double p) {
    return (y - 1) * Math.max(Math.log(1 - p), -100) - y * Math.max(Math.log(p), -100);
  }

  /**
   * The same value for a row, through the row's remembered log. With a hard label one of the
   * two terms is zero times a finite clamp, so only the other log is taken; the sum is the same.
   */
  @Override public double apply(Example e) {
    return term(e, e.label, e.prediction);
  }

  /** The logs of a batch's hard-label rows are taken in one call ({@link Batch#logs}), so a second loss over them finds them. */
  @Override public void apply(Batch b, double[] out) {
    double[] y = b.label, p = b.prediction, args = b.scratch(2);
    int n = b.size;
    for (int i = 0; i < n; i++) args[i] = Batch.trueClass(y[i], p[i], 1 - p[i]);
    double[] logs = b.logs(args);
    for (int i = 0; i < n; i++) {
      double yi = y[i];
      out[i] = yi == 1.0 | yi == 0.0 ? -Math.max(logs[i], -100) : soft(b, i, yi, p[i]);
    }
  }

  /** term(e, y, p) of a soft label for row i of a batch (after {@link Batch#logs}: it overwrites row i's log). */
  private static double soft(Batch b, int i, double y, double p) {
    return (y - 1) * Math.max(b.log(i, 1 - p), -100) - y * Math.max(b.log(i, p), -100);
  }

  static double term(Example e, double y, double p) {
    if (y == 1.0) return -Math.max(e.log(p), -100);
    if (y == 0.0) return -Math.max(e.log(1 - p), -100);
    return (y - 1) * Math.max(e.log(1 - p), -100) - y * Math.max(e.log(p), -100);
  }

  /** d/dp, with PyTorch's 1e-12 floor on p (1 - p) in the denominator. */
  @Override public double derivative(double y, double p) {
    return (p - y) / Math.max(p * (1 - p), 1e-12);
  }
}
