package dev.sparkeval.loss;

import dev.sparkeval.core.Batch;
import dev.sparkeval.core.Example;

/**
 * torchvision.ops.sigmoid_focal_loss for one element: ce (1 - p_t)^gamma, times
 * alpha_t = alpha y + (1 - alpha)(1 - y) when alpha >= 0. ce is BCEWithLogits on a logit, or
 * BCELoss (logs clamped at -100) on a probability when the table holds probabilities.
 */
public final class SigmoidFocal implements PointLoss {
  private static final long serialVersionUID = 1L;
  private static final Bce BCE = new Bce();
  private static final BceWithLogits BCE_LOGITS = new BceWithLogits(1.0);
  private final double alpha, gamma;
  private final boolean logits;

  public SigmoidFocal(double alpha, double gamma, boolean logits) {
    this.alpha = alpha;
    this.gamma = gamma;
    this.logits = logits;
  }

  @Override public String key() { return "focal:alpha=" + alpha + ",gamma=" + gamma + (logits ? ",logits" : ""); }

  private double alphaT(double y) {
    return alpha >= 0 ? alpha * y + (1 - alpha) * (1 - y) : 1.0;
  }

  /** s is the logit (logits mode) or the probability. */
  @Override public double value(double y, double s) {
    double p = logits ? Decisions.sigmoid(s) : s;
    return focal(y, p, logits ? BCE_LOGITS.value(y, s) : BCE.value(y, s));
  }

  /** The loss of probability p given its cross-entropy ce. */
  private double focal(double y, double p, double ce) {
    double pt = p * y + (1 - p) * (1 - y);
    return alphaT(y) * (ce * Powers.pow(1 - pt, gamma));
  }

  /** d value / d s (s the logit or the probability). */
  @Override public double derivative(double y, double s) {
    double p = logits ? Decisions.sigmoid(s) : s;
    double ce = logits ? BCE_LOGITS.value(y, s) : BCE.value(y, s);
    double dce = logits ? p - y : BCE.derivative(y, s);
    double dpt = (2 * y - 1) * (logits ? p * (1 - p) : 1.0);
    double q = 1 - (p * y + (1 - p) * (1 - y));
    double dmod = gamma == 0 ? 0 : -gamma * Powers.pow(q, gamma - 1) * dpt;
    return alphaT(y) * (dce * Powers.pow(q, gamma) + ce * dmod);
  }

  @Override public void apply(Batch b, double[] out) {
    double[] y = b.label;
    if (logits) {
      for (int i = 0; i < b.size; i++) out[i] = value(y[i], b.logit[i]);
      return;
    }
    double[] p = b.prediction;
    BCE.apply(b, out); // the cross-entropies, through the batch's logs
    for (int i = 0; i < b.size; i++) out[i] = focal(y[i], p[i], out[i]);
  }

  @Override public double apply(Example e) {
    if (logits) return value(e.label, e.logit);
    return focal(e.label, e.prediction, Bce.term(e, e.label, e.prediction)); // value(), sharing the row's log
  }
}
