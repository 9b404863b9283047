package dev.sparkeval.measure;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowFunction;

/**
 * Binary hinge losses on the label mapped to t = +1/-1 and a decision value d:
 * max(0, 1 - t d), squared for squared_hinge. With --logits d is the margin itself (sklearn
 * hinge_loss on a decision_function, the SVM meaning); on probabilities d is the probability, as
 * both sklearn hinge_loss(y, p) and TorchMetrics BinaryHingeLoss take it (TorchMetrics would
 * first turn margins into probabilities with a sigmoid).
 */
public final class MarginFunctions {
  private MarginFunctions() {}

  public static RowFunction hinge(boolean squared, boolean logits) {
    return new RowFunction() {
      private static final long serialVersionUID = 1L;
      @Override public String key() { return (squared ? "squared_hinge" : "hinge") + (logits ? ":logits" : ""); }
      @Override public double apply(Example e) {
        double d = logits ? e.logit : e.prediction;
        double h = Math.max(0.0, 1 - (e.label == 1.0 ? d : -d));
        return squared ? h * h : h;
      }
    };
  }
}
