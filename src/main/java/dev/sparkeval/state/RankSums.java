package dev.sparkeval.state;

import dev.sparkeval.core.ExactSum;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * Exact ROC AUC and average precision over distinct scores visited in descending order, from
 * the weight above the first one. For each distinct score s with positive weight P(s) and
 * negative weight N(s), given the weights Pa, Na strictly above it:
 *   auc numerator += N(s) (Pa + P(s) / 2)         (ties count one half, as scikit-learn's trapezoid)
 *   ap numerator  += P(s) (Pa + P(s)) / (Pa + P(s) + Na + N(s))   (precision at threshold s)
 * AUC = auc numerator / (P N) and AP = ap numerator / P. Products are added exactly; the only
 * roundings are of P(s), N(s), the cumulative weights and each precision, so the result does not
 * depend on how the scores were partitioned.
 */
public final class RankSums implements Serializable {
  private static final long serialVersionUID = 1L;
  final ExactSum auc = new ExactSum();
  final ExactSum ap = new ExactSum();
  private PosNeg above;
  private double pa;
  /** Finished numerators (exact): how the bootstrap's many replicates travel, far smaller than the accumulators. */
  private BigDecimal aucDone;
  private BigDecimal apDone;

  /** Sums known only as their exact numerators. */
  public static RankSums finished(BigDecimal aucNumerator, BigDecimal apNumerator) {
    RankSums r = new RankSums();
    r.aucDone = aucNumerator;
    r.apDone = apNumerator;
    return r;
  }

  /** Starts (or restarts) the walk with the exact weight above the next score. */
  public void start(PosNeg weightAbove) {
    above = weightAbove == null ? new PosNeg() : weightAbove.copy();
    pa = above.pos();
  }

  public void next(PosNeg cell) {
    double p = cell.pos(), n = cell.neg();
    above.merge(cell);
    double pge = above.pos(), nge = above.neg();
    if (n != 0) {
      auc.addProduct(n, pa);
      auc.addProduct(n, p * 0.5);
    }
    if (p != 0) ap.addProduct(p, pge / (pge + nge));
    pa = pge;
  }

  public void merge(RankSums o) {
    if (aucDone != null || o.aucDone != null) { // this one's accumulators stay as they are: done holds the rest
      aucDone = (aucDone == null ? BigDecimal.ZERO : aucDone).add(o.aucExact());
      apDone = (apDone == null ? BigDecimal.ZERO : apDone).add(o.apExact());
      return;
    }
    auc.merge(o.auc);
    ap.merge(o.ap);
  }

  /** The exact AUC numerator: sum of N(s) (Pa + P(s) / 2). */
  public BigDecimal aucExact() {
    return aucDone != null ? aucDone.add(auc.exact()) : auc.exact();
  }

  /** The exact average-precision numerator: sum of P(s) times the precision at s. */
  public BigDecimal apExact() {
    return apDone != null ? apDone.add(ap.exact()) : ap.exact();
  }
}
