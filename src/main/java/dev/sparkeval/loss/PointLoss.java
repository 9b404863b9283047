package dev.sparkeval.loss;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowFunction;

/**
 * A loss of one scalar label y and one scalar prediction p: its value and its derivative with
 * respect to p (what training needs for the chain rule).
 */
public interface PointLoss extends RowFunction {
  double value(double y, double p);

  /** d value / d p. */
  double derivative(double y, double p);

  @Override
  default double apply(Example e) {
    return value(e.label, e.prediction);
  }
}
