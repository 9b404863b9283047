package dev.sparkeval.measure;

import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Value;
import dev.sparkeval.core.WeightStat;
import dev.sparkeval.state.SpearmanStat;
import java.util.List;

/**
 * Spearman's rank correlation (scipy.stats.spearmanr: Pearson's correlation of mid-ranks). Neither
 * scipy nor TorchMetrics takes weights; here a row of weight k counts as k rows (equal to scipy on
 * rows repeated k times). TorchMetrics adds 1e-6 to the denominator, scipy does not; this follows scipy.
 */
public final class SpearmanMeasure implements Measure {
  private final WeightStat weight = new WeightStat();
  private final SpearmanStat stat = new SpearmanStat();

  @Override public List<Stat> needs() { return List.of(weight, stat); }

  @Override public Value finish(StatSet stats) {
    WeightStat w = stats.get(weight);
    if (w.count() < 2) return Value.undefined("needs at least two rows, got " + w.count());
    if (w.weight().value() == 0) return Value.undefined("the sum of weights is 0");
    double r = stats.get(stat).moments().correlation();
    if (Double.isNaN(r)) return Value.undefined("the labels or the predictions are all tied (a single rank): the correlation is 0/0");
    return Value.of(r);
  }
}
