package dev.sparkeval.measure;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.Value;
import dev.sparkeval.state.ConfusionStat;
import dev.sparkeval.state.Counts;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * A metric finished from the shared confusion counts (scikit-learn formulas, exact sums):
 * accuracy, balanced accuracy, MCC, Cohen's kappa, Hamming loss.
 */
public final class CountsMeasure implements Measure {
  private final ConfusionStat confusion;
  private final Function<Counts, Value> f;

  private CountsMeasure(Task task, double threshold, Function<Counts, Value> f) {
    this.confusion = new ConfusionStat(task, threshold);
    this.f = f;
  }

  @Override public List<Stat> needs() { return List.of(confusion); }

  @Override public Value finish(StatSet stats) {
    ConfusionStat s = stats.get(confusion);
    if (s.classes() < 0) return Value.undefined("no rows");
    Counts c = Counts.of(s);
    if (c.total.signum() == 0) return Value.undefined("the sum of weights is 0");
    return f.apply(c);
  }

  static Value of(BigDecimal d) {
    return Value.of(d.doubleValue());
  }

  public static CountsMeasure accuracy(Task t, double threshold) {
    return new CountsMeasure(t, threshold, c -> of(Counts.div(c.trace, c.total)));
  }

  /** Mean recall over the classes that have true samples (adjusted=False). */
  public static CountsMeasure balancedAccuracy(Task t, double threshold) {
    return new CountsMeasure(t, threshold, c -> {
      BigDecimal sum = BigDecimal.ZERO;
      int n = 0;
      for (int i = 0; i < c.k; i++) {
        if (c.truth[i].signum() == 0) continue;
        sum = sum.add(Counts.div(c.tp[i], c.truth[i]), Exact.MC);
        n++;
      }
      return of(Counts.div(sum, BigDecimal.valueOf(n)));
    });
  }

  /**
   * Matthews correlation coefficient, multiclass form; 0 when a marginal is constant (scikit-learn).
   * Multilabel: TorchMetrics' MCC of the counts pooled over labels.
   */
  public static CountsMeasure mcc(Task t, double threshold) {
    if (t == Task.MULTILABEL) return new CountsMeasure(t, threshold, Agreement::multilabelMcc);
    return new CountsMeasure(t, threshold, c -> {
      BigDecimal n = c.total, tp = BigDecimal.ZERO, pp = BigDecimal.ZERO, tt = BigDecimal.ZERO;
      for (int i = 0; i < c.k; i++) {
        tp = tp.add(c.truth[i].multiply(c.pred[i], Exact.MC), Exact.MC);
        pp = pp.add(c.pred[i].multiply(c.pred[i], Exact.MC), Exact.MC);
        tt = tt.add(c.truth[i].multiply(c.truth[i], Exact.MC), Exact.MC);
      }
      BigDecimal n2 = n.multiply(n, Exact.MC);
      BigDecimal cov = c.trace.multiply(n, Exact.MC).subtract(tp, Exact.MC);
      BigDecimal denom = n2.subtract(pp, Exact.MC).multiply(n2.subtract(tt, Exact.MC), Exact.MC);
      if (denom.signum() == 0) return Value.of(0.0);
      return of(cov.divide(denom.sqrt(Exact.MC), Exact.MC));
    });
  }

  /** Cohen's kappa between truth and decisions, unweighted or with linear / quadratic weights (scikit-learn cohen_kappa_score). */
  public static CountsMeasure cohenKappa(Task t, double threshold, String weights) {
    return new CountsMeasure(t, threshold, c -> Agreement.kappa(c, weights));
  }

  /**
   * The weighted fraction of wrong decisions: multiclass of rows (1 - accuracy), multilabel of
   * label decisions over all K labels, or (inTruth, MLlib's hammingLoss) over the labels that
   * occur in some row's truth.
   */
  public static CountsMeasure hammingLoss(Task t, double threshold, boolean inTruth) {
    if (t != Task.MULTILABEL) return new CountsMeasure(t, threshold, c -> of(Counts.div(c.total.subtract(c.trace, Exact.MC), c.total)));
    return new CountsMeasure(t, threshold, c -> {
      BigDecimal wrong = BigDecimal.ZERO;
      int labels = 0;
      for (int i = 0; i < c.k; i++) {
        wrong = wrong.add(c.pred[i].add(c.truth[i], Exact.MC).subtract(c.tp[i].multiply(BigDecimal.valueOf(2)), Exact.MC), Exact.MC);
        if (!inTruth || c.inTruth[i]) labels++;
      }
      if (labels == 0) return Value.undefined("no label occurs in the truth of any row: 0/0");
      if (c.kept == null) return of(Counts.div(wrong, c.total.multiply(BigDecimal.valueOf(labels))));
      BigDecimal elements = BigDecimal.ZERO; // --ignore-index left elements out: the weight of those kept
      for (int i = 0; i < c.k; i++) if (!inTruth || c.inTruth[i]) elements = elements.add(c.kept[i], Exact.MC);
      if (elements.signum() == 0) return Value.undefined("the weight of the label elements kept is 0");
      return of(Counts.div(wrong, elements));
    });
  }
}
