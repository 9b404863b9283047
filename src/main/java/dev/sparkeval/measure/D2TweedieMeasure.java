package dev.sparkeval.measure;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Value;
import dev.sparkeval.core.WeightStat;
import dev.sparkeval.state.MomentStat;
import dev.sparkeval.state.WeightedSumStat;
import java.math.BigDecimal;
import java.util.List;

/**
 * sklearn d2_tweedie_score: 1 - D(y, p) / D(y, c), D the summed Tweedie deviance and c the weighted
 * mean label. D(y, c) needs c, known only at the end, yet it is a formula in c over one-pass sums
 * (W the weight sum, Sy = sum w y):
 *   power 0: W sum(w y^2) - Sy^2, over W (the variance);
 *   power 1: 2 (sum w xlogy(y, y) - Sy log c - Sy + W c);
 *   power 2: 2 (W log c - sum w log y + Sy / c - W);
 *   else:    2 (sum w y^(2-p) / ((1-p)(2-p)) - Sy c^(1-p) / (1-p) + W c^(2-p) / (2-p)).
 * sklearn sums the same terms row by row; both lose digits to cancellation when the labels
 * barely vary relative to their size (the deviance of the mean is then tiny next to its terms).
 */
public final class D2TweedieMeasure implements Measure {
  private final double power;
  private final WeightStat weight = new WeightStat();
  private final WeightedSumStat deviance;
  private final MomentStat label = new MomentStat(RegressionFunctions.LABEL);
  private final WeightedSumStat nullTerm;

  public D2TweedieMeasure(double power) {
    this.power = power;
    this.deviance = new WeightedSumStat(RegressionFunctions.tweedie(power));
    this.nullTerm = power == 0 ? null : new WeightedSumStat(RegressionFunctions.nullTerm(power));
  }

  @Override public List<Stat> needs() {
    return nullTerm == null ? List.of(weight, deviance, label) : List.of(weight, deviance, label, nullTerm);
  }

  @Override public Value finish(StatSet stats) {
    WeightStat ws = stats.get(weight);
    if (ws.count() < 2) return Value.undefined("D^2 needs at least two rows, got " + ws.count());
    BigDecimal w = ws.weight().exact();
    if (w.signum() == 0) return Value.undefined("the sum of weights is 0");
    BigDecimal num = stats.get(deviance).sum().exact();
    BigDecimal den = nullDeviance(stats, ws, w);
    if (den == null || den.signum() == 0) {
      return Value.undefined("the deviance of the mean label is " + (den == null ? "not finite" : "0 (constant labels)")
          + ": D^2 = 1 - deviance / 0");
    }
    return Value.of(BigDecimal.ONE.subtract(num.divide(den, Exact.MC)).doubleValue());
  }

  /** Sum w dev(y, c), or null where a power or log of c is not finite. */
  private BigDecimal nullDeviance(StatSet stats, WeightStat ws, BigDecimal w) {
    MomentStat m = stats.get(label);
    if (power == 0) return m.scaledVariance(ws.weight()).divide(w, Exact.MC);
    BigDecimal sy = m.sum().exact();
    double c = Exact.ratio(m.sum(), ws.weight());
    BigDecimal a = stats.get(nullTerm).sum().exact();
    BigDecimal two = BigDecimal.valueOf(2);
    if (power == 1) {
      if (!(c > 0)) return c == 0 ? BigDecimal.ZERO : null;
      return two.multiply(a.subtract(sy.multiply(dec(Math.log(c)))).subtract(sy).add(w.multiply(dec(c))));
    }
    if (power == 2) {
      if (!(c > 0)) return null;
      return two.multiply(w.multiply(dec(Math.log(c))).subtract(a).add(sy.divide(dec(c), Exact.MC)).subtract(w));
    }
    double c1 = Math.pow(c, 1 - power), c2 = Math.pow(c, 2 - power);
    if (!Double.isFinite(c1) || !Double.isFinite(c2)) return null;
    BigDecimal p1 = dec(1 - power), p2 = dec(2 - power);
    return two.multiply(a.divide(p1.multiply(p2), Exact.MC).subtract(sy.multiply(dec(c1)).divide(p1, Exact.MC))
        .add(w.multiply(dec(c2)).divide(p2, Exact.MC)));
  }

  private static BigDecimal dec(double d) {
    return new BigDecimal(d);
  }
}
