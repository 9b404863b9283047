package dev.sparkeval.loss;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowFunction;

/**
 * Cosine similarity of label and prediction as torch.nn.functional.cosine_similarity (eps 1e-8):
 * x.y / (max(|x|, eps) max(|y|, eps)), so a zero vector has similarity 0. As a loss, 1 - cos.
 */
public final class Cosine implements RowFunction {
  private static final long serialVersionUID = 1L;
  static final double EPS = 1e-8;
  private final boolean loss;

  private Cosine(boolean loss) {
    this.loss = loss;
  }

  /** 1 - cos, the cosine loss. */
  public static Cosine loss() {
    return new Cosine(true);
  }

  /** cos, the cosine_similarity metric. */
  public static Cosine similarity() {
    return new Cosine(false);
  }

  public static double cos(double[] x, double[] y) {
    double xy = 0, xx = 0, yy = 0;
    for (int i = 0; i < x.length; i++) {
      xy += x[i] * y[i];
      xx += x[i] * x[i];
      yy += y[i] * y[i];
    }
    return xy / (Math.max(Math.sqrt(xx), EPS) * Math.max(Math.sqrt(yy), EPS));
  }

  @Override public String key() { return loss ? "cosine_loss" : "cosine_similarity"; }

  @Override public double apply(Example e) {
    double c = cos(e.labelVec, e.predictionVec);
    return loss ? 1 - c : c;
  }
}
