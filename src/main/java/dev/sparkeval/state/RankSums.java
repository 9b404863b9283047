package dev.sparkeval.state;

import dev.sparkeval.core.ExactSum;
import java.math.BigDecimal;

/**
 * Exact ROC AUC, average precision and the trapezoidal area under the PR curve over distinct
 * scores visited in descending order, from the weight above the first one. For each distinct
 * score s with positive weight P(s) and negative weight N(s), given the weights Pa, Na strictly
 * above it and the precision prec(s) = (Pa + P(s)) / (Pa + P(s) + Na + N(s)):
 *   auc numerator  += N(s) (Pa + P(s) / 2)      (ties count one half, as scikit-learn's trapezoid)
 *   ap numerator   += P(s) prec(s)               (average precision, scikit-learn)
 *   trap numerator += P(s) (prec(s) + prec(s')) (MLlib's areaUnderPR: trapezoids between the
 *                     points (recall, precision) of consecutive scores s' > s, from (0, prec of the
 *                     highest score); a point without weight has precision 1, as MLlib's)
 * AUC = auc / (P N), AP = ap / P, trapezoidal area = trap / (2 P). Products are added exactly; the
 * only roundings are of P(s), N(s), the cumulative weights and each precision, all functions of
 * exact sums, so the result does not depend on how the scores were partitioned. With the true
 * class of every row (a tagged stream: one-vs-one AUC), the AUC numerator is also kept per class
 * b: sum of W_b(s) (Pa + P(s) / 2), the numerator of AUC(this channel's class against class b).
 */
public final class RankSums implements OrderWalk {
  private static final long serialVersionUID = 1L;
  final ExactSum auc = new ExactSum();
  final ExactSum ap = new ExactSum();
  final ExactSum trap = new ExactSum();
  private ExactSum[] byClass;
  private PosNeg above;
  private double pa;
  private double prevPrecision = Double.NaN;
  /** Finished numerators (exact), beside the accumulators: how a bootstrap's replicates travel. */
  private BigDecimal aucDone, apDone, trapDone;

  /** Starts (or restarts) the walk with the exact weight above the next score. */
  public void start(PosNeg weightAbove) {
    above = weightAbove == null ? new PosNeg() : weightAbove.copy();
    pa = above.pos();
    prevPrecision = above.rows() > 0 ? precision(pa, above.neg()) : Double.NaN;
  }

  static double precision(double tp, double fp) {
    return tp + fp == 0 ? 1.0 : tp / (tp + fp);
  }

  @Override public void next(double value, PosNeg cell) {
    next(value, cell, null);
  }

  @Override public void next(double value, PosNeg cell, ClassWeights tags) {
    double p = cell.pos(), n = cell.neg();
    if (tags != null) {
      if (byClass == null || byClass.length < tags.classes()) grow(tags.classes());
      for (int b = 0; b < tags.classes(); b++) {
        double wb = tags.weight(b);
        if (wb == 0) continue;
        if (byClass[b] == null) byClass[b] = new ExactSum();
        byClass[b].addProduct(wb, pa);
        byClass[b].addProduct(wb, p * 0.5);
      }
    }
    above.merge(cell);
    double pge = above.pos(), nge = above.neg();
    if (n != 0) {
      auc.addProduct(n, pa);
      auc.addProduct(n, p * 0.5);
    }
    double prec = precision(pge, nge);
    if (p != 0) {
      ap.addProduct(p, prec);
      trap.addProduct(p, prec + (Double.isNaN(prevPrecision) ? prec : prevPrecision));
    }
    prevPrecision = prec;
    pa = pge;
  }

  public void merge(RankSums o) {
    auc.merge(o.auc);
    ap.merge(o.ap);
    trap.merge(o.trap);
    if (o.aucDone != null) {
      aucDone = plus(aucDone, o.aucDone);
      apDone = plus(apDone, o.apDone);
      trapDone = plus(trapDone, o.trapDone);
    }
    if (o.byClass == null) return;
    if (byClass == null || byClass.length < o.byClass.length) grow(o.byClass.length);
    for (int b = 0; b < o.byClass.length; b++) {
      if (o.byClass[b] == null) continue;
      if (byClass[b] == null) byClass[b] = new ExactSum();
      byClass[b].merge(o.byClass[b]);
    }
  }

  private void grow(int n) {
    byClass = byClass == null ? new ExactSum[n] : java.util.Arrays.copyOf(byClass, n);
  }

  /** The AUC numerator against rows of true class b (tagged streams only). */
  public ExactSum aucNumeratorAgainst(int b) {
    return byClass == null || b >= byClass.length || byClass[b] == null ? new ExactSum() : byClass[b];
  }

  private static BigDecimal plus(BigDecimal a, BigDecimal b) {
    return a == null ? b : a.add(b);
  }

  /** The same sums as three exact numbers (a few dozen bytes instead of three accumulators). */
  @Override public RankSums compact() {
    RankSums r = new RankSums();
    r.aucDone = aucExact();
    r.apDone = apExact();
    r.trapDone = trapExact();
    r.byClass = byClass; // tagged streams (one-vs-one AUC) keep their per-class sums as they are
    return r;
  }

  /** The exact AUC numerator. */
  public BigDecimal aucExact() { return plus(aucDone, auc.exact()); }

  /** The exact average-precision numerator. */
  public BigDecimal apExact() { return plus(apDone, ap.exact()); }

  /** Twice the trapezoidal area under the PR curve, times the positive weight, exactly. */
  public BigDecimal trapExact() { return plus(trapDone, trap.exact()); }
}
