package dev.sparkeval.core;

import java.io.Serializable;

/**
 * A check that only looks at a row, never changes it: a measure's domain (msle's values > -1,
 * Gamma deviance's positive values, ...). The task's {@link RowRule} checks and normalises first;
 * these run after it, on the normalised row ({@link RowRule#then}).
 */
@FunctionalInterface
public interface RowCheck extends Serializable {
  /** Null for a good row, else why it is bad. */
  RowRule.Bad check(Example e);

  /** Whether every row of the batch passes, leaving it unchanged; false when some row may not (the default). */
  default boolean check(Batch b) {
    return false;
  }
}
