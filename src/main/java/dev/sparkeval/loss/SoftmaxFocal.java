package dev.sparkeval.loss;

import dev.sparkeval.core.Example;

/** Softmax focal loss for one row: -w_y (1 - q_y)^gamma log q_y, q the softmax of logits or the probabilities. */
public final class SoftmaxFocal implements VectorLoss {
  private static final long serialVersionUID = 1L;
  private final double gamma;
  private final double[] classWeights;
  private final boolean logits;

  public SoftmaxFocal(double gamma, double[] classWeights, boolean logits) {
    this.gamma = gamma;
    this.classWeights = classWeights;
    this.logits = logits;
  }

  @Override public String key() {
    return "softmax_focal:gamma=" + gamma + ",logits=" + logits + ",w=" + java.util.Arrays.toString(classWeights);
  }

  private double w(int c) {
    return classWeights == null ? 1.0 : classWeights[c];
  }

  @Override public double value(int y, double[] s) {
    double logq = logits ? Decisions.logSoftmax(s, y) : Math.log(s[y]);
    double q = logits ? Math.exp(logq) : s[y];
    return w(y) * Powers.pow(1 - q, gamma) * -logq;
  }

  @Override public void gradient(int y, double[] s, double[] out) {
    java.util.Arrays.fill(out, 0.0);
    double[] q = new double[s.length];
    if (logits) Decisions.softmax(s, q);
    else System.arraycopy(s, 0, q, 0, s.length);
    double p = q[y];
    double dmod = gamma == 0 ? 0 : -gamma * Powers.pow(1 - p, gamma - 1);
    double dldp = -w(y) * (dmod * Math.log(p) + Powers.pow(1 - p, gamma) / p);
    if (!logits) {
      out[y] = dldp;
      return;
    }
    for (int c = 0; c < s.length; c++) out[c] = dldp * p * ((c == y ? 1 : 0) - q[c]);
  }

  @Override public double apply(Example e) {
    return value((int) e.label, logits ? e.logitVec : e.predictionVec);
  }
}
