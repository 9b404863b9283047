package dev.sparkeval.state;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import java.math.BigDecimal;
import java.util.List;

/**
 * A weighted quantile of a {@link ValueOrder}, as scikit-learn's _weighted_percentile with
 * average=True ("averaged_inverted_cdf"; np.median for unit weights): with W the weight sum and
 * t = (100 q) / 100 * W, the first value x whose cumulative weight reaches t; when that weight
 * exceeds t by no more than machine epsilon, the mean of x and the next value of positive
 * weight. Cumulative weights are exact here (sklearn's are a float cumsum). The walk also sums
 * v w over the values, so that deviations from the quantile finish exactly (d2_pinball).
 */
public final class QuantileStat extends WalkStat {
  private static final long serialVersionUID = 1L;
  private static final BigDecimal EPS = new BigDecimal(Math.ulp(1.0));
  private final double q;

  public QuantileStat(ValueOrder source, double q) {
    super(source);
    this.q = q;
  }

  @Override public Stat fresh() { return new QuantileStat((ValueOrder) source(), q); }

  @Override protected String name() { return "quantile:" + q; }

  @Override public OrderWalk.Walker walker(OrderStat data, int channel) {
    double t = q * 100 / 100 * data.total(channel).pos();
    double target = t == 0 ? Double.MIN_VALUE : t; // sklearn skips leading zero weights at rank 0
    return before -> new Walk(before, target);
  }

  /**
   * The quantile, the exact weight of the values up to x (x included), and sum v w over those
   * values and over all values (each value's weight rounded once, so the sums are deterministic).
   */
  public record Result(double value, BigDecimal weightBelow, BigDecimal sumBelow, BigDecimal sum) {}

  /** The result over all runs; null when no value has weight. */
  public Result result(StatSet stats) {
    List<OrderWalk> walks = walks(stats, 0);
    ExactSum before = new ExactSum();
    Walk hit = null;
    BigDecimal sumBelow = null;
    double next = Double.NaN, last = Double.NaN;
    for (OrderWalk o : walks) {
      Walk w = (Walk) o;
      if (hit == null && w.found) {
        hit = w;
        sumBelow = before.exact().add(w.sumBelow.exact());
        next = w.next;
      } else if (hit != null && hit.needNext && Double.isNaN(next)) {
        next = w.firstPositive;
      }
      before.merge(w.sum);
      if (!Double.isNaN(w.lastPositive)) last = w.lastPositive;
    }
    if (Double.isNaN(last)) return null;
    BigDecimal sum = before.exact();
    if (hit == null) { // t beyond the exact total (it was rounded up): the last value, as sklearn clips
      return new Result(last, stats.get(source()).total(0).posExact(), sum, sum);
    }
    double v = hit.needNext && !Double.isNaN(next) ? (hit.x + next) / 2 : hit.x;
    return new Result(v, hit.weightBelow.posExact(), sumBelow, sum);
  }

  static final class Walk implements OrderWalk {
    private static final long serialVersionUID = 1L;
    private final double t;
    private final PosNeg cum;
    private final ExactSum sum = new ExactSum();
    private boolean found, needNext;
    private double x, next = Double.NaN, firstPositive = Double.NaN, lastPositive = Double.NaN;
    private PosNeg weightBelow;
    private ExactSum sumBelow;

    Walk(PosNeg before, double t) {
      this.cum = before.copy();
      this.t = t;
    }

    @Override public void next(double v, PosNeg cell) {
      double w = cell.pos();
      cum.merge(cell);
      sum.addProduct(v, w);
      if (w > 0) {
        if (Double.isNaN(firstPositive)) firstPositive = v;
        lastPositive = v;
      }
      if (!found) {
        if (!reached()) return;
        found = true;
        x = v;
        weightBelow = cum.copy();
        sumBelow = new ExactSum();
        sumBelow.merge(sum);
        needNext = cum.posExact().subtract(new BigDecimal(t), Exact.MC).compareTo(EPS) <= 0;
      } else if (needNext && Double.isNaN(next) && w > 0) {
        next = v;
      }
    }

    /** Cumulative weight >= t, exactly (the rounded weight decides unless it equals t). */
    private boolean reached() {
      double c = cum.pos();
      if (c != t) return c > t;
      return cum.posExact().compareTo(new BigDecimal(t)) >= 0;
    }
  }
}
