package dev.sparkeval.measure;

import dev.sparkeval.core.Measure;
import dev.sparkeval.core.RowFunction;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Value;
import dev.sparkeval.state.WeightedSumStat;
import java.util.List;

/** A scaled weighted sum of a row function (SSE is one half of the sum of squared errors). */
public final class SumMeasure implements Measure {
  private final WeightedSumStat sum;
  private final double scale;

  public SumMeasure(RowFunction f, double scale) {
    this.sum = new WeightedSumStat(f);
    this.scale = scale;
  }

  @Override public List<Stat> needs() {
    return List.of(sum);
  }

  @Override public Value finish(StatSet stats) {
    return Value.of(scale * stats.get(sum).sum().value());
  }
}
