package dev.sparkeval.core;

import java.io.Serializable;

/**
 * Task-specific checks on a decoded row (label domain, probability range, ...). A rule may also
 * normalise the row (for example take element 1 of a binary probability vector). Returns null
 * for a good row, so that the good path allocates nothing.
 */
public interface RowRule extends Serializable {
  Bad check(Example e);

  /** Why a row is bad: a short reason key for counting, and a sentence for the user. */
  record Bad(String reason, String detail) implements Serializable {}

  RowRule NONE = e -> null;
}
