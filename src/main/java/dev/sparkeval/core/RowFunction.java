package dev.sparkeval.core;

import java.io.Serializable;

/** A per-row quantity (a loss term, a residual, ...) that a state sums. The key names it with its parameters. */
public interface RowFunction extends Serializable {
  String key();

  double apply(Example e);

  /** See {@link Stat#skipsIgnoredElements()}: true when the function leaves out ignored multilabel elements. */
  default boolean skipsIgnoredElements() {
    return false;
  }

  /**
   * The values of rows [0, b.size) of a batch into out[0, b.size). The default goes row by row
   * through {@link #apply(Example)}; hot functions override it with a loop over the columns that
   * computes the same doubles.
   */
  default void apply(Batch b, double[] out) {
    Example e = b.example();
    for (int i = 0; i < b.size; i++) {
      b.fill(i, e);
      out[i] = apply(e);
    }
  }
}
