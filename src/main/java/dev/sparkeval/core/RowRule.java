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

  /** This rule, then each of the others in order; the first bad verdict wins. */
  default RowRule then(java.util.List<RowRule> others) {
    if (others.isEmpty()) return this;
    RowRule first = this;
    RowRule[] rest = others.toArray(new RowRule[0]);
    return e -> {
      Bad b = first.check(e);
      for (int i = 0; b == null && i < rest.length; i++) b = rest[i].check(e);
      return b;
    };
  }
}
