package dev.sparkeval.core;

import java.io.Serializable;

/**
 * A task's checks on a decoded row (label domain, probability range, ...), which also normalise
 * it (take element 1 of a binary probability vector, derive probabilities from logits). Returns
 * null for a good row, so that the good path allocates nothing. Checks that only look (measure
 * domains) are {@link RowCheck}s, run after the rule by {@link #then}.
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

  /**
   * The verdict on a row whose label is the ignore index (--ignore-index): not bad, but left out
   * of every state like a bad row, and counted in rows_ignored. Every path that skips bad rows
   * thus skips it too; the paths that count or fail on bad rows test {@link #ignored} first.
   */
  Bad IGNORED = new Bad("ignored", "the label is the ignore index");

  /** Whether a verdict is {@link #IGNORED} (the same constant in every JVM). */
  static boolean ignored(Bad b) {
    return b == IGNORED;
  }

  RowRule NONE = new RowRule() {
    private static final long serialVersionUID = 1L;

    @Override public Bad check(Example e) {
      return null;
    }

    @Override public boolean check(Batch b) {
      return true;
    }
  };

  /** This rule, then each of the checks in order; the first bad verdict wins. */
  default RowRule then(java.util.List<RowCheck> checks) {
    if (checks.isEmpty()) return this;
    RowRule first = this;
    RowCheck[] rest = checks.toArray(new RowCheck[0]);
    return new RowRule() {
      private static final long serialVersionUID = 1L;

      @Override public Bad check(Example e) {
        Bad b = first.check(e);
        for (int i = 0; b == null && i < rest.length; i++) b = rest[i].check(e);
        return b;
      }

      /** The checks only look, so they go first: a refusal leaves the batch unchanged. */
      @Override public boolean check(Batch b) {
        for (RowCheck r : rest) if (!r.check(b)) return false;
        return first.check(b);
      }

      @Override public boolean derivesLogit() {
        return first.derivesLogit();
      }
    };
  }
}
