package dev.sparkeval.state;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.Task;
import java.math.BigDecimal;

/**
 * Per-class sums finished from a {@link ConfusionStat}: true positives, predicted and true
 * weight per class (multilabel: per label), which classes are present, and the total weight
 * (multilabel: of the rows; with label elements left out by --ignore-index, also each label's
 * weight of elements kept).
 * Exact sums kept at 40 digits, so every metric finishes from the same numbers.
 */
public final class Counts {
  final Task task;
  public final int k;
  public final BigDecimal[] tp, pred, truth;
  public final boolean[] present;
  /** Whether some row (whatever its weight) is truly of class c (multilabel: has label c). */
  public final boolean[] inTruth;
  public final BigDecimal total;
  public final BigDecimal trace;
  /** Binary / multiclass: sum of |t - p| and of (t - p)^2 over the cells, the weighted kappas' disagreements. */
  public final BigDecimal linear, quadratic;
  /** Multilabel with label elements left out (--ignore-index): the weight of each label's elements kept; else null. */
  public final BigDecimal[] kept;

  private Counts(Task task, int k, BigDecimal[] tp, BigDecimal[] pred, BigDecimal[] truth, boolean[] present,
                 boolean[] inTruth, BigDecimal total, BigDecimal trace, BigDecimal linear, BigDecimal quadratic,
                 BigDecimal[] kept) {
    this.task = task;
    this.k = k;
    this.tp = tp;
    this.pred = pred;
    this.truth = truth;
    this.present = present;
    this.inTruth = inTruth;
    this.total = total;
    this.trace = trace;
    this.linear = linear;
    this.quadratic = quadratic;
    this.kept = kept;
  }

  public static Counts of(ConfusionStat s) {
    int k = s.classes();
    BigDecimal[] tp = new BigDecimal[k], pred = new BigDecimal[k], truth = new BigDecimal[k];
    boolean[] present = new boolean[k], inTruth = new boolean[k];
    BigDecimal total = BigDecimal.ZERO, trace = BigDecimal.ZERO, linear = BigDecimal.ZERO, quadratic = BigDecimal.ZERO;
    BigDecimal[] kept = null;
    for (int c = 0; c < k; c++) {
      tp[c] = BigDecimal.ZERO;
      pred[c] = BigDecimal.ZERO;
      truth[c] = BigDecimal.ZERO;
      present[c] = s.present(c);
      inTruth[c] = s.presentInTruth(c);
    }
    if (s.task() == Task.MULTILABEL) {
      for (int l = 0; l < k; l++) {
        tp[l] = s.label(l, 1, 1);
        pred[l] = tp[l].add(s.label(l, 0, 1), Exact.MC);
        truth[l] = tp[l].add(s.label(l, 1, 0), Exact.MC);
      }
      total = s.total();
      if (s.leftOut()) { // --ignore-index: each label's own elements, not every row
        kept = new BigDecimal[k];
        for (int l = 0; l < k; l++) kept[l] = s.labelTotal(l);
      }
    } else {
      for (int t = 0; t < k; t++) {
        for (int p = 0; p < k; p++) {
          BigDecimal v = s.cell(t, p);
          if (v.signum() == 0) continue;
          pred[p] = pred[p].add(v, Exact.MC);
          truth[t] = truth[t].add(v, Exact.MC);
          total = total.add(v, Exact.MC);
          if (t == p) {
            tp[t] = v;
            trace = trace.add(v, Exact.MC);
          } else {
            long d = Math.abs(t - p);
            linear = linear.add(v.multiply(BigDecimal.valueOf(d)), Exact.MC);
            quadratic = quadratic.add(v.multiply(BigDecimal.valueOf(d * d)), Exact.MC);
          }
        }
      }
    }
    return new Counts(s.task(), k, tp, pred, truth, present, inTruth, total, trace, linear, quadratic, kept);
  }

  /** False positives of class c: predicted c, truly another class. */
  public BigDecimal fp(int c) { return pred[c].subtract(tp[c], Exact.MC); }

  /** False negatives of class c: truly c, predicted another class. */
  public BigDecimal fn(int c) { return truth[c].subtract(tp[c], Exact.MC); }

  /** True negatives of class c (one-vs-rest): neither truly c nor predicted c. */
  public BigDecimal tn(int c) { return weightOf(c).subtract(pred[c], Exact.MC).subtract(truth[c], Exact.MC).add(tp[c], Exact.MC); }

  /** The weight class c is counted over: every row's, or (label elements left out) label c's elements kept. */
  public BigDecimal weightOf(int c) { return kept == null ? total : kept[c]; }

  /**
   * [precision, recall, F-beta] of true positives, predicted and true weight (one class's, or
   * counts pooled over classes), as scikit-learn's precision_recall_fscore_support: a 0/0
   * precision or recall is zeroDivision, and F is 0 when beta^2 p + r is. The one formula behind
   * the precision/recall/f1 metrics and the per_class report block.
   */
  public static BigDecimal[] prf(BigDecimal tp, BigDecimal pred, BigDecimal truth, double beta, BigDecimal zeroDivision) {
    BigDecimal p = pred.signum() == 0 ? zeroDivision : div(tp, pred);
    BigDecimal r = truth.signum() == 0 ? zeroDivision : div(tp, truth);
    BigDecimal b2 = new BigDecimal(beta * beta);
    BigDecimal denom = b2.multiply(p, Exact.MC).add(r, Exact.MC);
    BigDecimal f = denom.signum() == 0 ? BigDecimal.ZERO
        : BigDecimal.ONE.add(b2).multiply(p, Exact.MC).multiply(r, Exact.MC).divide(denom, Exact.MC);
    return new BigDecimal[] {p, r, f};
  }

  public static BigDecimal div(BigDecimal a, BigDecimal b) {
    return a.divide(b, Exact.MC);
  }

  public static double dbl(BigDecimal d) {
    return d.doubleValue();
  }
}
