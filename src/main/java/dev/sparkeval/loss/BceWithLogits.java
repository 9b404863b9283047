package dev.sparkeval.loss;

import dev.sparkeval.core.Example;

/**
 * torch.nn.BCEWithLogitsLoss on a logit z with pos_weight, in PyTorch's stable form:
 * (1 - y) z + (1 + (pw - 1) y) (log(exp(-m) + exp(-z - m)) + m), m = max(-z, 0).
 */
public final class BceWithLogits implements PointLoss {
  private static final long serialVersionUID = 1L;
  private final double posWeight;

  public BceWithLogits(double posWeight) {
    this.posWeight = posWeight;
  }

  @Override public String key() { return "bce_logits:pos_weight=" + posWeight; }

  @Override public double value(double y, double z) {
    double m = Math.max(-z, 0);
    double lse = Math.log(Math.exp(-m) + Math.exp(-z - m));
    if (posWeight == 1.0) return (1 - y) * z + m + lse;
    return (1 - y) * z + (1 + (posWeight - 1) * y) * (lse + m);
  }

  /** d/dz = sigmoid(z) (pw y + 1 - y) - pw y. */
  @Override public double derivative(double y, double z) {
    return Decisions.sigmoid(z) * (posWeight * y + 1 - y) - posWeight * y;
  }

  @Override public double apply(Example e) {
    return value(e.label, e.logit);
  }
}
