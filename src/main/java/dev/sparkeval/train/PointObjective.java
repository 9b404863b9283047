package dev.sparkeval.train;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.Reduction;
import dev.sparkeval.core.Task;
import dev.sparkeval.loss.PointLoss;

/** A regression loss: one output, the prediction itself; the derivative is the loss class's own. */
public final class PointObjective implements Objective {
  private static final long serialVersionUID = 1L;
  private final PointLoss loss;
  private final Reduction reduction;

  public PointObjective(PointLoss loss, Reduction reduction) {
    this.loss = loss;
    this.reduction = reduction;
  }

  @Override public Task task() { return Task.REGRESSION; }

  @Override public int outputs(int classes) { return 1; }

  @Override public double loss(double[] out, double y, double[] dOut) {
    if (dOut != null) dOut[0] = loss.derivative(y, out[0]);
    return loss.value(y, out[0]);
  }

  @Override public Reduction reduction() { return reduction; }

  @Override public void fill(double[] out, double y, Example e) {
    e.label = y;
    e.prediction = out[0];
  }
}
