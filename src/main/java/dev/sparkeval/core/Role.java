package dev.sparkeval.core;

import java.util.Locale;

/** The columns a prediction table can bind, and the shape each may take. */
public enum Role {
  LABEL, PREDICTION, WEIGHT, TARGET, ANCHOR, POSITIVE, NEGATIVE, QUERY, FEATURES;

  /** Scalar: one number per row; vector: an ML vector or an array of numbers; either: the table decides. */
  public enum Shape { SCALAR, VECTOR, EITHER }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The command-line option that names this role's column. */
  public String option() {
    return "--" + id();
  }
}
