package dev.sparkeval.measure;

import dev.sparkeval.core.Measure;
import dev.sparkeval.core.RowFunction;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Value;
import dev.sparkeval.state.DimensionStat;
import java.util.ArrayList;
import java.util.List;

/** The weighted mean of a per-row vector function, with the dimension check. */
public final class VectorMean implements Measure {
  private final MeanMeasure mean;

  public VectorMean(RowFunction f) {
    this.mean = new MeanMeasure(f);
  }

  @Override public List<Stat> needs() {
    List<Stat> s = new ArrayList<>(mean.needs());
    s.add(new DimensionStat());
    return s;
  }

  @Override public Value finish(StatSet stats) {
    return mean.finish(stats);
  }
}
