package dev.sparkeval.loss;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowFunction;

/**
 * torch.nn.CrossEntropyLoss for one row, as the numerator of PyTorch's weighted mean:
 * (1 - eps) w_y (-log q_y) + eps / K sum_c w_c (-log q_c), where log q is log_softmax of the
 * logits, or log p for probabilities, and w the class weights (1 without). The denominator is
 * {@link #weightOf}: w_y, 0 for an ignored row. Divided by ln(base) for other log bases.
 */
public final class CrossEntropy implements VectorLoss {
  private static final long serialVersionUID = 1L;
  private final double smoothing;
  private final int ignoreIndex;
  private final double[] classWeights;
  private final double logBase;
  private final boolean logits;

  public CrossEntropy(double smoothing, int ignoreIndex, double[] classWeights, double base, boolean logits) {
    this.smoothing = smoothing;
    this.ignoreIndex = ignoreIndex;
    this.classWeights = classWeights;
    this.logBase = lnBase(base);
    this.logits = logits;
  }

  @Override public String key() {
    return "cross_entropy:ls=" + smoothing + ",ignore=" + ignoreIndex + ",base=" + logBase + ",logits=" + logits
        + ",w=" + java.util.Arrays.toString(classWeights);
  }

  private double w(int c) {
    return classWeights == null ? 1.0 : classWeights[c];
  }

  private double logq(double[] s, int c) {
    return logits ? Decisions.logSoftmax(s, c) : Math.log(s[c]);
  }

  @Override public double value(int y, double[] s) {
    if (y == ignoreIndex) return 0.0;
    double v = (1 - smoothing) * w(y) * -logq(s, y);
    if (smoothing > 0) {
      double smooth = 0;
      for (int c = 0; c < s.length; c++) smooth += w(c) * -logq(s, c);
      v += smoothing / s.length * smooth;
    }
    return v / logBase;
  }

  @Override public void gradient(int y, double[] s, double[] out) {
    java.util.Arrays.fill(out, 0.0);
    if (y == ignoreIndex) return;
    int k = s.length;
    if (logits) {
      double[] q = new double[k];
      Decisions.softmax(s, q);
      double wsum = 0;
      for (int c = 0; c < k; c++) wsum += w(c);
      for (int c = 0; c < k; c++) {
        out[c] = (1 - smoothing) * w(y) * (q[c] - (c == y ? 1 : 0)) + smoothing / k * (q[c] * wsum - w(c));
      }
    } else {
      for (int c = 0; c < k; c++) out[c] = -smoothing / k * w(c) / s[c];
      out[y] -= (1 - smoothing) * w(y) / s[y];
    }
    for (int c = 0; c < k; c++) out[c] /= logBase;
  }

  @Override public double apply(Example e) {
    return value((int) e.label, logits ? e.logitVec : e.predictionVec);
  }

  /** The row's share of the denominator: its class weight, 0 when ignored. */
  @Override public double rowWeight(int y) {
    return y == ignoreIndex ? 0.0 : w(y);
  }

  /** {@link #rowWeight} as a row function, the denominator state of the evaluation's weighted mean. */
  public RowFunction weightOf() {
    return new RowFunction() {
      private static final long serialVersionUID = 1L;
      @Override public String key() { return "class_weight:ignore=" + ignoreIndex + ",w=" + java.util.Arrays.toString(classWeights); }
      @Override public double apply(Example e) {
        return rowWeight((int) e.label);
      }
    };
  }

  /** ln(base), the divisor that turns nats into another log base's units; exactly 1 for base e. */
  public static double lnBase(double base) {
    return base == Math.E ? 1.0 : Math.log(base);
  }
}
