package dev.sparkeval.state;

import dev.sparkeval.core.ExactSum;
import java.io.Serializable;

/**
 * Exact ROC AUC and average precision over distinct scores visited in descending order, from
 * the weight above the first one. For each distinct score s with positive weight P(s) and
 * negative weight N(s), given the weights Pa, Na strictly above it:
 *   auc numerator += N(s) (Pa + P(s) / 2)         (ties count one half, as scikit-learn's trapezoid)
 *   ap numerator  += P(s) (Pa + P(s)) / (Pa + P(s) + Na + N(s))   (precision at threshold s)
 * AUC = auc numerator / (P N) and AP = ap numerator / P. Products are added exactly; the only
 * roundings are of P(s), N(s), the cumulative weights and each precision, so the result does not
 * depend on how the scores were partitioned. With the true class of every row (one-vs-one AUC),
 * the AUC numerator is also kept per class b: sum of W_b(s) (Pa + P(s) / 2), the numerator of
 * AUC(this group's class against class b).
 */
public final class RankSums implements Serializable {
  private static final long serialVersionUID = 1L;
  final ExactSum auc = new ExactSum();
  final ExactSum ap = new ExactSum();
  private ExactSum[] byClass;
  private PosNeg above;
  private double pa;

  /** Starts (or restarts) the walk with the exact weight above the next score. */
  public void start(PosNeg weightAbove) {
    above = weightAbove == null ? new PosNeg() : weightAbove.copy();
    pa = above.pos();
  }

  public void next(PosNeg cell) {
    next(cell, null);
  }

  /** The next distinct score; {@code classes} holds its rows' weight per true class, or is null. */
  public void next(PosNeg cell, ClassWeights classes) {
    double p = cell.pos(), n = cell.neg();
    if (classes != null) {
      if (byClass == null || byClass.length < classes.classes()) grow(classes.classes());
      for (int b = 0; b < classes.classes(); b++) {
        double wb = classes.weight(b);
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
    if (p != 0) ap.addProduct(p, pge / (pge + nge));
    pa = pge;
  }

  private void grow(int n) {
    byClass = byClass == null ? new ExactSum[n] : java.util.Arrays.copyOf(byClass, n);
  }

  public void merge(RankSums o) {
    auc.merge(o.auc);
    ap.merge(o.ap);
    if (o.byClass == null) return;
    if (byClass == null || byClass.length < o.byClass.length) grow(o.byClass.length);
    for (int b = 0; b < o.byClass.length; b++) {
      if (o.byClass[b] == null) continue;
      if (byClass[b] == null) byClass[b] = new ExactSum();
      byClass[b].merge(o.byClass[b]);
    }
  }

  /** The AUC numerator against rows of true class b (rows tagged with their class only). */
  public ExactSum aucNumeratorAgainst(int b) {
    return byClass == null || b >= byClass.length || byClass[b] == null ? new ExactSum() : byClass[b];
  }

  public ExactSum aucNumerator() { return auc; }

  public ExactSum apNumerator() { return ap; }
}
