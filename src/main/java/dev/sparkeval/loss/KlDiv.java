package dev.sparkeval.loss;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowFunction;

/**
 * One row of torch.nn.KLDivLoss(reduction='batchmean') with input log q and target p:
 * sum_i p_i (log p_i - log q_i), where entries with p_i = 0 contribute 0. With logits, log q is
 * log_softmax(z), computed directly from the logits.
 */
public final class KlDiv implements RowFunction {
  private static final long serialVersionUID = 1L;
  private final boolean logits;

  public KlDiv(boolean logits) {
    this.logits = logits;
  }

  @Override public String key() { return "kl_div" + (logits ? ":logits" : ""); }

  @Override public double apply(Example e) {
    double[] p = e.labelVec;
    double s = 0;
    if (logits) {
      double[] z = e.logitVec;
      double m = Vectors.max(z);
      double lse = Vectors.logSumExpShifted(z, m);
      for (int i = 0; i < p.length; i++) if (p[i] != 0) s += p[i] * Math.log(p[i]) - p[i] * (z[i] - m - lse);
    } else {
      double[] q = e.predictionVec;
      for (int i = 0; i < p.length; i++) if (p[i] != 0) s += p[i] * Math.log(p[i]) - p[i] * Math.log(q[i]);
    }
    return s;
  }
}
