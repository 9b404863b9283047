package dev.sparkeval.state;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import java.math.BigDecimal;
import java.util.List;

/**
 * The area under one class's ROC curve up to fpr = max_fpr, as scikit-learn's roc_auc_score with
 * max_fpr computes it before the McClish correction: the trapezoids of the curve's segments up to
 * the cut, and the part of the segment that crosses it, linearly interpolated. In weight units:
 * a segment adds N(s) (Pa + P(s) / 2) as for the full AUC while its end stays at or below
 * m = max_fpr N; the crossing segment adds (m - Na) (2 Pa + P(s) (m - Na) / N(s)) / 2.
 */
public final class PartialAucStat extends WalkStat {
  private static final long serialVersionUID = 1L;
  private final double maxFpr;

  public PartialAucStat(RankStat scores, double maxFpr) {
    super(scores);
    this.maxFpr = maxFpr;
  }

  @Override public Stat fresh() { return new PartialAucStat((RankStat) source(), maxFpr); }

  @Override protected String name() { return "partial_auc:max_fpr=" + maxFpr; }

  @Override public OrderWalk.Walker walker(OrderStat data, int channel) {
    BigDecimal m = new BigDecimal(maxFpr).multiply(data.total(channel).negExact());
    return before -> new Walk(before, m);
  }

  /** The partial area of class c, in units of P N (positive and negative weight). */
  public BigDecimal area(StatSet stats, int c) {
    List<OrderWalk> walks = walks(stats, c);
    BigDecimal m = null;
    ExactSum full = new ExactSum();
    BigDecimal cross = BigDecimal.ZERO;
    for (OrderWalk o : walks) {
      Walk w = (Walk) o;
      full.merge(w.area);
      m = w.m;
      if (w.crossBefore != null) {
        BigDecimal pa = w.crossBefore.posExact(), dx = m.subtract(w.crossBefore.negExact());
        BigDecimal rise = w.crossCell.posExact().multiply(dx).divide(w.crossCell.negExact(), Exact.MC);
        cross = dx.multiply(pa.add(pa).add(rise)).divide(BigDecimal.valueOf(2), Exact.MC);
      }
    }
    return full.exact().add(cross);
  }

  static final class Walk implements OrderWalk {
    private static final long serialVersionUID = 1L;
    private final BigDecimal m;
    private final double md;
    private final PosNeg cum;
    private final ExactSum area = new ExactSum();
    private boolean done;
    private PosNeg crossBefore, crossCell;

    Walk(PosNeg before, BigDecimal m) {
      this.cum = before.copy();
      this.m = m;
      this.md = m.doubleValue();
    }

    @Override public void next(double value, PosNeg cell) {
      if (done) return;
      double n = cell.neg();
      if (n != 0 && !within(cell)) {
        done = true;
        if (below(cum)) {
          crossBefore = cum.copy();
          crossCell = cell.copy();
        }
        return;
      }
      if (n != 0) {
        area.addProduct(n, cum.pos());
        area.addProduct(n, cell.pos() * 0.5);
      }
      cum.merge(cell);
    }

    /** The segment ends at or below m: fp before plus the cell's negatives <= m. */
    private boolean within(PosNeg cell) {
      double fp = cum.neg() + cell.neg();
      if (Math.abs(fp - md) > 1e-9 * Math.max(1, md)) return fp < md;
      return cum.negExact().add(cell.negExact()).compareTo(m) <= 0;
    }

    /** The segment starts strictly below m. */
    private boolean below(PosNeg at) {
      double fp = at.neg();
      if (Math.abs(fp - md) > 1e-9 * Math.max(1, md)) return fp < md;
      return at.negExact().compareTo(m) < 0;
    }
  }
}
