package dev.sparkeval.loss;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowFunction;

/** A per-element loss averaged over the elements of a multilabel row (the mean over all elements, per row). */
public final class Elementwise implements RowFunction {
  private static final long serialVersionUID = 1L;
  private final PointLoss inner;
  private final boolean logits;

  public Elementwise(PointLoss inner, boolean logits) {
    this.inner = inner;
    this.logits = logits;
  }

  @Override public String key() { return "elementwise:" + inner.key() + (logits ? ":logits" : ""); }

  public PointLoss inner() { return inner; }

  @Override public double apply(Example e) {
    double[] s = logits ? e.logitVec : e.predictionVec;
    double sum = 0;
    for (int i = 0; i < s.length; i++) sum += inner.value(e.labelVec[i], s[i]);
    return sum / s.length;
  }
}
