package dev.sparkeval.train;

import dev.sparkeval.core.ExactSum;
import java.io.Serializable;

/**
 * One iteration's partial sums over some rows of the batch: the summed row gradients, the
 * exact sums of row losses and of their denominator weights, and the row count. Partials merge by addition; the driver merges
 * them in partition order, so a run is repeatable bit for bit.
 */
public final class StepSums implements Serializable {
  private static final long serialVersionUID = 1L;
  public final double[] grad;
  public final ExactSum loss = new ExactSum();
  /** The exact sum of the rows' denominator weights (the row count for a plain mean). */
  public final ExactSum denominator = new ExactSum();
  public long rows;

  public StepSums(int params) {
    grad = new double[params];
  }

  public StepSums merge(StepSums o) {
    if (o == null) return this;
    if (o.grad.length != grad.length) {
      throw new IllegalArgumentException("cannot merge step sums of " + o.grad.length + " parameters into " + grad.length);
    }
    for (int i = 0; i < grad.length; i++) grad[i] += o.grad[i];
    loss.merge(o.loss);
    denominator.merge(o.denominator);
    rows += o.rows;
    return this;
  }
}
