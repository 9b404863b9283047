package dev.sparkeval.train;

import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.StatSet;

/**
 * Where the training loop gets its sums from: the cached, partitioned rows (Spark) or blocks in
 * memory (tests). Each call is one aggregation over the blocks, merged in block order.
 */
public interface Batches {
  enum Part { TRAIN, VALIDATION }

  /** Training rows. */
  long rows();

  long validationRows();

  /** Arranges the training rows in the order of this epoch (1, 2, ...). */
  void epoch(int epoch);

  /** The merged sums of batch b of the current epoch at weights w. */
  StepSums step(long batch, double[] w);

  /**
   * Runs a whole epoch of updates where the rows live (barrier mode), or returns null: then the
   * loop calls {@link #step} once per iteration and updates on the driver.
   */
  default Stepper.EpochRun trainEpoch(long iterations, Stepper stepper, double[] w) {
    return null;
  }

  /** The fused evaluation state of every row of a part at weights w. */
  StatSet evaluate(Part part, double[] w, StatSet prototype, RowRule rule);
}
