package dev.sparkeval.loss;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowFunction;
import java.util.Arrays;

/**
 * One row of torch.nn.CrossEntropyLoss with probability targets: -sum_i w_i t_i log q_i, where
 * t = p (1 - label_smoothing) + label_smoothing / K and w the class weights (1 without them).
 * log q is log_softmax(z) with logits, else the log of the predicted probabilities (what
 * CrossEntropyLoss gives for input log q). Entries with t_i = 0 contribute 0. Divided by
 * ln(base) for another log base.
 */
public final class SoftCrossEntropy implements RowFunction {
  private static final long serialVersionUID = 1L;
  private final boolean logits;
  private final double smoothing;
  private final double[] classWeights;
  private final double logBase;

  public SoftCrossEntropy(boolean logits, double smoothing, double[] classWeights, double base) {
    this.logits = logits;
    this.smoothing = smoothing;
    this.classWeights = classWeights;
    this.logBase = CrossEntropy.lnBase(base);
  }

  @Override public String key() {
    return "soft_cross_entropy:logits=" + logits + ",label_smoothing=" + smoothing + ",weights="
        + Arrays.toString(classWeights) + ",log_base=" + logBase;
  }

  @Override public double apply(Example e) {
    double[] p = e.labelVec;
    int k = p.length;
    double uniform = smoothing / k;
    double m = 0, lse = 0;
    if (logits) {
      m = Vectors.max(e.logitVec);
      lse = Vectors.logSumExpShifted(e.logitVec, m);
    }
    double s = 0;
    for (int i = 0; i < k; i++) {
      double t = smoothing == 0 ? p[i] : p[i] * (1 - smoothing) + uniform;
      if (t == 0) continue;
      double logq = logits ? e.logitVec[i] - m - lse : Math.log(e.predictionVec[i]);
      double term = t * logq;
      s += classWeights == null ? term : classWeights[i] * term;
    }
    return logBase == 1 ? -s : -s / logBase;
  }
}
