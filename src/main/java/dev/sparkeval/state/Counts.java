package dev.sparkeval.state;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.Task;
import java.math.BigDecimal;

/**
 * Per-class sums finished from a {@link ConfusionStat}: true positives, predicted and true
 * weight per class (multilabel: per label), which classes are present, and the total weight
 * (multilabel: of all label elements, which --ignore-index may leave out one by one).
 * Exact sums kept at 40 digits, so every metric finishes from the same numbers.
 */
public final class Counts {
  final Task task;
  public final int k;
  public final BigDecimal[] tp, pred, truth;
  public final boolean[] present;
  public final BigDecimal total;
  public final BigDecimal trace;

  private Counts(Task task, int k, BigDecimal[] tp, BigDecimal[] pred, BigDecimal[] truth, boolean[] present,
                 BigDecimal total, BigDecimal trace) {
    this.task = task;
    this.k = k;
    this.tp = tp;
    this.pred = pred;
    this.truth = truth;
    this.present = present;
    this.total = total;
    this.trace = trace;
  }

  public static Counts of(ConfusionStat s) {
    int k = s.classes();
    BigDecimal[] tp = new BigDecimal[k], pred = new BigDecimal[k], truth = new BigDecimal[k];
    boolean[] present = new boolean[k];
    BigDecimal total = BigDecimal.ZERO, trace = BigDecimal.ZERO;
    for (int c = 0; c < k; c++) {
      tp[c] = BigDecimal.ZERO;
      pred[c] = BigDecimal.ZERO;
      truth[c] = BigDecimal.ZERO;
      present[c] = s.present(c);
    }
    if (s.task() == Task.MULTILABEL) {
      for (int l = 0; l < k; l++) {
        tp[l] = s.label(l, 1, 1);
        pred[l] = tp[l].add(s.label(l, 0, 1), Exact.MC);
        truth[l] = tp[l].add(s.label(l, 1, 0), Exact.MC);
        total = total.add(pred[l], Exact.MC).add(s.label(l, 1, 0), Exact.MC).add(s.label(l, 0, 0), Exact.MC);
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
          }
        }
      }
    }
    return new Counts(s.task(), k, tp, pred, truth, present, total, trace);
  }

  public static BigDecimal div(BigDecimal a, BigDecimal b) {
    return a.divide(b, Exact.MC);
  }

  public static double dbl(BigDecimal d) {
    return d.doubleValue();
  }
}
