package dev.sparkeval.measure;

import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Reduction;
import dev.sparkeval.core.RowFunction;

/** Measures built from a row function the way training reduces a batch of it, so both agree on the value. */
public final class Measures {
  private Measures() {}

  /** MEAN: the weighted mean; ROOT_MEAN: its square root (rmse); HALF_SUM: half the weighted sum (sse). */
  public static Measure reduce(RowFunction f, Reduction r) {
    return switch (r) {
      case MEAN -> new MeanMeasure(f);
      case ROOT_MEAN -> new MeanMeasure(f, Math::sqrt);
      case HALF_SUM -> new SumMeasure(f, 0.5);
    };
  }
}
