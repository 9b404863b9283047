package dev.sparkeval.measure;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Value;
import dev.sparkeval.core.WeightStat;
import dev.sparkeval.state.DimensionStat;
import dev.sparkeval.state.OverlapStat;
import java.math.BigDecimal;
import java.util.List;

/**
 * Dice and Tversky losses. reduction=mean: the weighted mean of the per-row losses;
 * reduction=global (and always for scalar rows, a pixel per row): one loss from the pooled
 * weighted sums, finished exactly from them and rounded once.
 */
public final class OverlapMeasure implements Measure {
  private final String name;
  private final double alpha, beta, smooth;
  private final boolean global;
  private final WeightStat weight = new WeightStat();
  private final OverlapStat overlap;

  public OverlapMeasure(String name, double alpha, double beta, double smooth, boolean global) {
    this.name = name;
    this.alpha = alpha;
    this.beta = beta;
    this.smooth = smooth;
    this.global = global;
    this.overlap = new OverlapStat(alpha, beta, smooth);
  }

  @Override public List<Stat> needs() {
    return List.of(weight, new DimensionStat(), overlap);
  }

  @Override public Value finish(StatSet stats) {
    WeightStat w = stats.get(weight);
    if (w.count() == 0) return Value.undefined("no rows");
    if (w.weight().value() == 0) return Value.undefined("the sum of weights is 0");
    OverlapStat s = stats.get(overlap);
    if (global || s.scalarRows() > 0) return pooled(s);
    if (!s.losses().isFinite()) {
      return Value.undefined("0/0 in a row: with smooth=0 a row whose mask and prediction are both empty has no "
          + name + "; use smooth > 0 or reduction=global");
    }
    return Value.of(Exact.ratio(s.losses(), w.weight()));
  }

  /** 1 - (2 TP + s) / den = (den - 2 TP - s) / den, den = 2 (1 - a - b) TP + 2 a SP + 2 b SY + s, exactly. */
  private Value pooled(OverlapStat s) {
    BigDecimal two = BigDecimal.valueOf(2);
    BigDecimal tp = s.tp().exact();
    BigDecimal sm = new BigDecimal(smooth);
    BigDecimal a = new BigDecimal(alpha);
    BigDecimal b = new BigDecimal(beta);
    BigDecimal num = two.multiply(tp).add(sm);
    BigDecimal den = two.multiply(BigDecimal.ONE.subtract(a).subtract(b)).multiply(tp)
        .add(two.multiply(a).multiply(s.sumP().exact())).add(two.multiply(b).multiply(s.sumY().exact())).add(sm);
    if (den.signum() == 0) {
      return Value.undefined("0/0: every mask and prediction is empty and smooth=0; use smooth > 0");
    }
    return Value.of(den.subtract(num).divide(den, Exact.MC).doubleValue());
  }
}
