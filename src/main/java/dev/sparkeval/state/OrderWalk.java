package dev.sparkeval.state;

import java.io.Serializable;

/**
 * A walk over the distinct values of one channel of an {@link OrderStat}, in the stream's order
 * (ascending, or descending for scores), each with its exact weight by side. The sort job runs
 * one walk per run of consecutive bins it holds, started from the exact weight before the run,
 * and hands the finished walks back to the driver in stream order; the plain-Java path runs one
 * walk over the sorted distinct values. A walk is its own result, so it must be serializable.
 */
public interface OrderWalk extends Serializable {
  void next(double value, PosNeg cell);

  /** The next value of a tagged stream: {@code tags} holds its weight per tag (null for untagged streams). */
  default void next(double value, PosNeg cell, ClassWeights tags) {
    next(value, cell);
  }

  /**
   * An equivalent finished walk that is cheaper to ship (a bootstrap sends one per replicate):
   * exact accumulators become their exact values. The default is the walk itself.
   */
  default OrderWalk compact() {
    return this;
  }

  /** Builds walks on the executors; made on the driver from the pass's totals, so serializable. */
  @FunctionalInterface
  interface Walker extends Serializable {
    /** A walk whose first value comes after {@code before} (the exact weight earlier in the stream). */
    OrderWalk start(PosNeg before);
  }
}
