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
}
