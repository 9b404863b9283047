package dev.sparkeval.train;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.Reduction;
import dev.sparkeval.core.Task;
import java.io.Serializable;

/**
 * A training loss seen from the model: the loss of one row as a function of the model's raw
 * output (the prediction for regression, the logit(s) for classification) and its derivative
 * with respect to that output. The model turns that derivative into parameter gradients.
 */
public interface Objective extends Serializable {
  Task task();

  /** Model outputs needed for this many classes (1 for regression and binary, K for multiclass). */
  int outputs(int classes);

  /** The row's loss; when dOut is not null it receives d loss / d out[i] for every output. */
  double loss(double[] out, double y, double[] dOut);

  /**
   * The row's share of the batch loss's denominator: 1 for a plain mean; the class weight for
   * cross_entropy with class weights (PyTorch's weighted mean), 0 for an ignored row.
   */
  default double rowWeight(double y) {
    return 1.0;
  }

  /** How row losses combine into the batch loss (a mean for every loss but rmse and sse). */
  default Reduction reduction() {
    return Reduction.MEAN;
  }

  /** Whether the validation plan reads out as logits (EvalOptions.logits). */
  default boolean logits() {
    return false;
  }

  /** Fills the example that the evaluation states read for this row. */
  void fill(double[] out, double y, Example e);
}
