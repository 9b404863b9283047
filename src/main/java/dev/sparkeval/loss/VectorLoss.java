package dev.sparkeval.loss;

import dev.sparkeval.core.RowFunction;

/**
 * A loss of one class index y and a score vector s (logits, or probabilities): its value and
 * its gradient with respect to s, for the chain rule in training.
 */
public interface VectorLoss extends RowFunction {
  double value(int y, double[] s);

  /** Writes d value / d s into out (same length as s). */
  void gradient(int y, double[] s, double[] out);

  /**
   * The row's share of the mean's denominator: 1 for a plain mean over rows; the class weight
   * for PyTorch's class-weighted mean (cross_entropy), 0 for an ignored row.
   */
  default double rowWeight(int y) {
    return 1.0;
  }
}
