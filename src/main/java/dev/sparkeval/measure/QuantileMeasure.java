package dev.sparkeval.measure;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.RowFunction;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Value;
import dev.sparkeval.core.WeightStat;
import dev.sparkeval.loss.AbsoluteError;
import dev.sparkeval.loss.Pinball;
import dev.sparkeval.state.QuantileStat;
import dev.sparkeval.state.ValueOrder;
import dev.sparkeval.state.WeightedSumStat;
import java.math.BigDecimal;
import java.util.List;

/**
 * Measures finished from an exact weighted quantile (one sort job on Spark): sklearn's
 * median_absolute_error (the median of |y - p|), and d2_pinball_score (with d2_absolute_error at
 * alpha = 0.5): 1 - sum w pinball(y - p) / sum w pinball(y - q), q the alpha-quantile of the labels.
 * The denominator is exact from the quantile walk: with W_B, S_B the weight and sum w y of the
 * labels up to q, and W, S over all, sum w pinball(y - q) = alpha (S - S_B - q (W - W_B)) + (1 - alpha)(q W_B - S_B).
 */
public final class QuantileMeasure implements Measure {
  private final WeightStat weight = new WeightStat();
  private final ValueOrder values;
  private final QuantileStat quantile;
  private final WeightedSumStat pinball; // null for the median error
  private final double alpha;

  private QuantileMeasure(RowFunction f, double q, boolean d2) {
    this.values = new ValueOrder(f);
    this.quantile = new QuantileStat(values, q);
    this.alpha = q;
    this.pinball = d2 ? new WeightedSumStat(new Pinball(q)) : null;
  }

  public static QuantileMeasure medianAbsoluteError() {
    return new QuantileMeasure(new AbsoluteError(), 0.5, false);
  }

  public static QuantileMeasure d2Pinball(double alpha) {
    return new QuantileMeasure(RegressionFunctions.LABEL, alpha, true);
  }

  @Override public List<Stat> needs() {
    return pinball == null ? List.of(weight, values, quantile) : List.of(weight, values, quantile, pinball);
  }

  @Override public Value finish(StatSet stats) {
    WeightStat w = stats.get(weight);
    if (w.count() == 0) return Value.undefined("no rows");
    if (pinball != null && w.count() < 2) return Value.undefined("D^2 needs at least two rows, got " + w.count());
    QuantileStat.Result r = stats.get(quantile).result(stats);
    if (r == null || w.weight().value() == 0) return Value.undefined("the sum of weights is 0");
    if (pinball == null) return Value.of(r.value());
    BigDecimal q = new BigDecimal(r.value()), a = new BigDecimal(alpha), all = w.weight().exact();
    BigDecimal above = r.sum().subtract(r.sumBelow()).subtract(q.multiply(all.subtract(r.weightBelow())));
    BigDecimal below = q.multiply(r.weightBelow()).subtract(r.sumBelow());
    BigDecimal den = a.multiply(above).add(BigDecimal.ONE.subtract(a).multiply(below));
    BigDecimal num = stats.get(pinball).sum().exact();
    if (num.signum() == 0) return Value.of(1.0); // sklearn's force_finite: a perfect fit
    if (den.signum() == 0) return Value.of(0.0);
    return Value.of(BigDecimal.ONE.subtract(num.divide(den, Exact.MC)).doubleValue());
  }
}
