package dev.sparkeval.core;

import java.io.Serializable;

/**
 * Task-specific checks on a decoded row (label domain, probability range, ...). A rule may also
 * normalise the row (for example take element 1 of a binary probability vector). Returns null
 * for a good row, so that the good path allocates nothing.
 */
public interface RowRule extends Serializable {
  Bad check(Example e);

  /**
   * Checks and normalises every row of a batch at once, as {@link #check(Example)} would row by
   * row; returns false, with the batch unchanged, when some row may be bad (the engine then
   * checks that batch row by row). The default always says false.
   */
  default boolean check(Batch b) {
    return false;
  }

  /** Whether a good row leaves a derived {@code Example.logit} behind (binary --logits), which a batch must keep. */
  default boolean derivesLogit() {
    return false;
  }

  /** Why a row is bad: a short reason key for counting, and a sentence for the user. */
  record Bad(String reason, String detail) implements Serializable {}

  RowRule NONE = new RowRule() {
    private static final long serialVersionUID = 1L;

    @Override public Bad check(Example e) {
      return null;
    }

    @Override public boolean check(Batch b) {
      return true;
    }
  };
}
