package dev.sparkeval.loss;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowFunction;

/**
 * One row of torch.nn.CosineEmbeddingLoss: 1 - cos for target +1, max(0, cos - margin) for
 * target -1, where cos = x.y / sqrt((x.x + EPSILON)(y.y + EPSILON)) as PyTorch computes it (its
 * EPSILON keeps zero vectors finite: their cos is 0).
 */
public final class CosineEmbedding implements RowFunction {
  private static final long serialVersionUID = 1L;
  /** PyTorch's EPSILON is the float 1e-12f (9.99999996e-13 as a double); the double 1e-12 differs visibly for tiny vectors. */
  static final double EPSILON = 1e-12f;
  private final double margin;

  public CosineEmbedding(double margin) {
    this.margin = margin;
  }

  @Override public String key() { return "cosine_embedding:margin=" + margin; }

  @Override public double apply(Example e) {
    double[] x = e.labelVec;
    double[] y = e.predictionVec;
    double xy = 0, xx = 0, yy = 0;
    for (int i = 0; i < x.length; i++) {
      xy += x[i] * y[i];
      xx += x[i] * x[i];
      yy += y[i] * y[i];
    }
    double cos = xy / Math.sqrt((xx + EPSILON) * (yy + EPSILON));
    if (e.target == 1) return 1 - cos;
    if (e.target == -1) return Math.max(cos - margin, 0);
    return 0; // PyTorch gives 0 for other targets; the task's row rule refuses them first
  }
}
