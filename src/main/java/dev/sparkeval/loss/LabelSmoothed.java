package dev.sparkeval.loss;

import dev.sparkeval.core.Example;

/**
 * A binary loss on smoothed targets y (1 - s) + s / 2, as PyTorch users smooth BCELoss and
 * BCEWithLogitsLoss targets (neither takes a label_smoothing argument).
 */
public final class LabelSmoothed implements PointLoss {
  private static final long serialVersionUID = 1L;
  private final PointLoss inner;
  private final double smoothing;
  private final boolean logits;

  public LabelSmoothed(PointLoss inner, double smoothing, boolean logits) {
    this.inner = inner;
    this.smoothing = smoothing;
    this.logits = logits;
  }

  @Override public String key() { return inner.key() + ":label_smoothing=" + smoothing; }

  private double target(double y) {
    return y * (1 - smoothing) + smoothing / 2;
  }

  @Override public double value(double y, double p) {
    return inner.value(target(y), p);
  }

  @Override public double derivative(double y, double p) {
    return inner.derivative(target(y), p);
  }

  @Override public double apply(Example e) {
    return value(e.label, logits ? e.logit : e.prediction);
  }
}
