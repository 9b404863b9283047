package dev.sparkeval.rule;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.loss.Decisions;

/**
 * Distribution rows: the label is a distribution, and so is the prediction unless it holds
 * logits, which are then kept in logitVec and softmaxed into predictionVec (buffers swapped, so
 * no allocation once the dimension is known).
 */
public final class DistributionRule implements RowRule {
  private static final long serialVersionUID = 1L;
  private final boolean logits;
  private final double[] classWeights;

  public DistributionRule(boolean logits, double[] classWeights) {
    this.logits = logits;
    this.classWeights = classWeights;
  }

  @Override public Bad check(Example e) {
    Bad bad = VectorChecks.lengths(e);
    if (bad == null) bad = VectorChecks.distribution("label", e.labelVec, false);
    if (bad == null && !logits) bad = VectorChecks.distribution("prediction", e.predictionVec, true);
    if (bad != null) return bad;
    int k = e.labelVec.length;
    if (classWeights != null && classWeights.length != k) {
      return new Bad("class_weights_length", "the vectors have " + k + " entries but --class-weights has "
          + classWeights.length + "; give one weight per entry");
    }
    if (logits) {
      double[] z = e.predictionVec;
      double[] q = e.logitVec != null && e.logitVec.length == k ? e.logitVec : new double[k];
      Decisions.softmax(z, q);
      e.logitVec = z;
      e.predictionVec = q;
    }
    return null;
  }
}
