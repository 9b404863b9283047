package dev.sparkeval.rule;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.RowRule;

/** Row checks shared by the vector tasks; the good path allocates nothing. */
final class VectorChecks {
  static final double SUM_TOLERANCE = 1e-6;
  private static final Role[] VECTOR_ROLES = {Role.LABEL, Role.PREDICTION, Role.ANCHOR, Role.POSITIVE, Role.NEGATIVE};

  private VectorChecks() {}

  /**
   * Every bound vector of the row is non-empty and of one length, and that length is the one of
   * the first row checked in this partition (kept in {@link Example#dimension}).
   */
  static RowRule.Bad lengths(Example e) {
    int n = -1;
    Role first = null;
    for (Role r : VECTOR_ROLES) {
      double[] v = vector(e, r);
      if (v == null) continue;
      if (v.length == 0) {
        return new RowRule.Bad("empty_vector", r.id() + " is an empty vector; vectors need at least one entry");
      }
      if (n < 0) {
        n = v.length;
        first = r;
      } else if (v.length != n) {
        return new RowRule.Bad("length_mismatch", first.id() + " has " + n + " entries but " + r.id() + " has "
            + v.length + "; the vectors of a row must have the same length");
      }
    }
    if (n < 0) return null;
    if (e.dimension < 0) e.dimension = n;
    else if (n != e.dimension) {
      return new RowRule.Bad("dimension_mismatch", "vectors have " + n + " entries but the first row of this partition has "
          + e.dimension + "; every row must have the same dimension");
    }
    return null;
  }

  private static double[] vector(Example e, Role r) {
    return switch (r) {
      case LABEL -> e.labelVec;
      case PREDICTION -> e.predictionVec;
      case ANCHOR -> e.anchor;
      case POSITIVE -> e.positive;
      case NEGATIVE -> e.negative;
      default -> null;
    };
  }

  /** Entries >= 0 that sum to 1 within {@link #SUM_TOLERANCE}. */
  static RowRule.Bad distribution(String role, double[] v, boolean logitsHint) {
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      if (v[i] < 0) {
        return new RowRule.Bad("negative_probability", role + " has entry " + i + " = " + v[i]
            + "; a distribution's entries must be >= 0" + (logitsHint ? " (for raw scores pass --logits)" : ""));
      }
      s += v[i];
    }
    if (Math.abs(s - 1) > SUM_TOLERANCE) {
      return new RowRule.Bad("not_a_distribution", role + " sums to " + s + "; a distribution must sum to 1 (within "
          + SUM_TOLERANCE + ")" + (logitsHint ? " (for raw scores pass --logits)" : ""));
    }
    return null;
  }

  /** Mask values in [0, 1]. */
  static RowRule.Bad mask(String role, double[] v) {
    for (int i = 0; i < v.length; i++) if (!(v[i] >= 0 && v[i] <= 1)) return outOfMask(role, v[i], i);
    return null;
  }

  static RowRule.Bad outOfMask(String role, double v, int index) {
    return new RowRule.Bad("mask_out_of_range", role + (index < 0 ? "" : " entry " + index) + " is " + v
        + "; segmentation masks and probabilities must lie in [0, 1]");
  }
}
