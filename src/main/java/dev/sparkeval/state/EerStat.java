package dev.sparkeval.state;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import java.math.BigDecimal;
import java.util.List;

/**
 * The equal error rate of one class's scores, as TorchMetrics' BinaryEER: over the ROC points
 * (fpr, tpr) of the distinct scores, from (0, 0), the point where |fpr - (1 - tpr)| is smallest
 * (the first on ties), and there (fpr + 1 - tpr) / 2. g = 1 - tpr - fpr falls along the walk, so the
 * point is the last with g >= 0 or the first with g < 0; the walk finds both, exactly.
 */
public final class EerStat extends WalkStat {
  private static final long serialVersionUID = 1L;

  public EerStat(RankStat scores) {
    super(scores);
  }

  @Override public Stat fresh() { return new EerStat((RankStat) source()); }

  @Override protected String name() { return "eer"; }

  @Override public OrderWalk.Walker walker(OrderStat data, int channel) {
    PosNeg total = data.total(channel);
    BigDecimal p = total.posExact(), n = total.negExact();
    return before -> new Walk(before, p, n);
  }

  /** The equal error rate of class c (the class must have positive and negative weight). */
  public double value(StatSet stats, int c) {
    List<OrderWalk> walks = walks(stats, c);
    PosNeg total = stats.get(source()).total(c);
    BigDecimal p = total.posExact(), n = total.negExact();
    for (OrderWalk o : walks) {
      Walk w = (Walk) o;
      if (w.firstNeg == null) continue;
      BigDecimal ga = g(w.lastNonNeg, p, n), gb = g(w.firstNeg, p, n).negate();
      PosNeg at = ga.compareTo(gb) <= 0 ? w.lastNonNeg : w.firstNeg;
      BigDecimal rates = p.multiply(at.negExact()).add(n.multiply(p.subtract(at.posExact())));
      return rates.divide(BigDecimal.valueOf(2).multiply(p).multiply(n), Exact.MC).doubleValue();
    }
    throw new IllegalStateException("the ROC walk never crossed fpr = 1 - tpr");
  }

  /** P N (1 - tpr - fpr) at a point. */
  static BigDecimal g(PosNeg at, BigDecimal p, BigDecimal n) {
    return p.multiply(n).subtract(n.multiply(at.posExact())).subtract(p.multiply(at.negExact()));
  }

  static final class Walk implements OrderWalk {
    private static final long serialVersionUID = 1L;
    private final BigDecimal p, n;
    private final double pd, nd;
    private PosNeg cum, lastNonNeg, firstNeg;

    Walk(PosNeg before, BigDecimal p, BigDecimal n) {
      this.p = p;
      this.n = n;
      this.pd = p.doubleValue();
      this.nd = n.doubleValue();
      this.cum = before.copy();
    }

    @Override public void next(double value, PosNeg cell) {
      if (firstNeg != null) return;
      PosNeg at = cum.copy();
      at.merge(cell);
      if (negative(at)) {
        lastNonNeg = cum;
        firstNeg = at;
      }
      cum = at;
    }

    /** g < 0 at the point: decided in doubles unless it is within rounding of 0. */
    private boolean negative(PosNeg at) {
      double g = 1 - at.pos() / pd - at.neg() / nd;
      if (Math.abs(g) > 1e-9) return g < 0;
      return g(at, p, n).signum() < 0;
    }
  }
}
