package dev.sparkeval.train;

import java.io.Serializable;

/**
 * One weight update from a batch's merged sums: batch loss, gradient scale, L2, optimizer step.
 * The driver runs it in the job-per-iteration mode; in barrier mode every task runs it on the
 * same merged sums, so every copy of the weights stays identical, bit for bit.
 */
public final class Stepper implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Network net;
  private final Objective obj;
  private final Optimizer opt;
  private final double l2;
  private transient double[] g;

  public Stepper(Network net, Objective obj, Optimizer opt, double l2) {
    this.net = net;
    this.obj = obj;
    this.opt = opt;
    this.l2 = l2;
  }

  /** Updates w in place; returns the batch loss, or NaN without an update when every row of the batch is ignored. */
  public double apply(StepSums s, double[] w) {
    double loss = obj.reduction().loss(s.loss, s.denominator);
    if (Double.isNaN(loss) && s.denominator.value() == 0) return Double.NaN;
    double scale = obj.reduction().scale(loss, s.denominator);
    if (g == null) g = new double[net.size()];
    for (int i = 0; i < g.length; i++) g[i] = s.grad[i] * scale;
    net.addL2(w, l2, g);
    opt.step(w, g);
    return loss;
  }

  public Optimizer optimizer() {
    return opt;
  }

  /** What an epoch run elsewhere (barrier mode) hands back: weights, optimizer state, and each batch's loss and rows. */
  public record EpochRun(double[] weights, Optimizer.State optimizer, double[] losses, long[] rows) implements Serializable {}
}
