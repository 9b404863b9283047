package dev.sparkeval.measure;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.RowFunction;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Value;
import dev.sparkeval.core.WeightStat;
import dev.sparkeval.state.WeightedSumStat;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** The weighted mean of a row function, optionally mapped (RMSE is the MSE then a square root). */
public final class MeanMeasure implements Measure {
  private final WeightStat weight = new WeightStat();
  private final WeightedSumStat sum;
  private final DoubleUnaryOperator then;

  public MeanMeasure(RowFunction f) {
    this(f, DoubleUnaryOperator.identity());
  }

  public MeanMeasure(RowFunction f, DoubleUnaryOperator then) {
    this.sum = new WeightedSumStat(f);
    this.then = then;
  }

  @Override public List<Stat> needs() {
    return List.of(weight, sum);
  }

  @Override public Value finish(StatSet stats) {
    WeightStat w = stats.get(weight);
    if (w.count() == 0) return Value.undefined("no rows");
    if (w.weight().value() == 0) return Value.undefined("the sum of weights is 0");
    return Value.of(then.applyAsDouble(Exact.ratio(stats.get(sum).sum(), w.weight())));
  }
}
