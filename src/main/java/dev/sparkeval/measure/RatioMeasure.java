package dev.sparkeval.measure;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.RowFunction;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Value;
import dev.sparkeval.state.WeightedSumStat;
import java.util.List;

/** sum(w * num) / sum(w * den): PyTorch's class-weighted mean (cross_entropy with weights and ignore_index). */
public final class RatioMeasure implements Measure {
  private final WeightedSumStat num, den;

  public RatioMeasure(RowFunction num, RowFunction den) {
    this.num = new WeightedSumStat(num);
    this.den = new WeightedSumStat(den);
  }

  @Override public List<Stat> needs() { return List.of(num, den); }

  @Override public Value finish(StatSet stats) {
    WeightedSumStat d = stats.get(den);
    if (d.sum().value() == 0) {
      return Value.undefined("the weight sum is 0 (every row ignored, or zero class or row weights)");
    }
    return Value.of(Exact.ratio(stats.get(num).sum(), d.sum()));
  }
}
