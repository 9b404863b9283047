package dev.sparkeval.measure;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.Value;
import dev.sparkeval.state.PosNeg;
import dev.sparkeval.state.RankStat;
import dev.sparkeval.state.RankSums;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Exact ROC AUC (scikit-learn roc_auc_score: ties count one half; multiclass one-vs-rest,
 * multilabel per label, averaged macro or weighted by positive weight; micro: one ranking of every
 * (row, class) element, the labels one-hot), average precision (average_precision_score) and
 * the trapezoidal area under the PR curve (MLlib's areaUnderPR)
 * from a {@link RankStat}.
 */
public final class AucMeasure implements Measure {
  private final RankStat rank;
  private final boolean roc;
  private final boolean trapezoid;
  private final boolean weighted;

  public AucMeasure(Task task, boolean logits, boolean roc, String average) {
    this(task, logits, roc, average, false);
  }

  /** trapezoid: the PR area as MLlib's BinaryClassificationEvaluator areaUnderPR, not average precision. */
  public AucMeasure(Task task, boolean logits, boolean roc, String average, boolean trapezoid) {
    this.rank = new RankStat(task, logits, average.equals("micro"), false);
    this.roc = roc;
    this.trapezoid = trapezoid && !roc;
    this.weighted = average.equals("weighted");
  }

  @Override public List<Stat> needs() { return List.of(rank); }

  @Override public Value finish(StatSet stats) {
    RankStat s = stats.get(rank);
    if (s.classes() < 0) return Value.undefined("no rows");
    return average(s.classes(), c -> {
      PosNeg t = s.total(c);
      BigDecimal p = t.posExact(), n = t.negExact();
      if (p.signum() == 0) return new double[] {Double.NaN, 0, 0, 0};
      if (roc && n.signum() == 0) return new double[] {Double.NaN, 1, p.doubleValue(), 0};
      RankSums r = s.sums(c);
      BigDecimal v = roc ? r.aucExact().divide(p.multiply(n), Exact.MC)
          : trapezoid ? r.trapExact().divide(p.add(p), Exact.MC)
          : r.apExact().divide(p, Exact.MC);
      return new double[] {v.doubleValue(), 0, p.doubleValue(), 0};
    }, roc ? "ROC AUC" : trapezoid ? "the area under the PR curve" : "average precision", weighted, false,
        !roc && !trapezoid);
  }

  /** Per-class results {value, reason (0 no positives, 1 no negatives), positive weight, bound}, averaged. */
  interface PerClass {
    double[] of(int c);
  }

  /**
   * The macro or weighted mean; weighted leaves out classes without positive weight, as
   * scikit-learn does (their weight is 0), and is 0 when no class has any.
   */
  static Value average(int k, PerClass f, boolean roc, boolean weighted, boolean bounded) {
    return average(k, f, roc ? "ROC AUC" : "average precision", weighted, bounded, !roc);
  }

  /**
   * The per-class values averaged (macro, or weighted by positive weight). A class whose value is
   * undefined voids the average, except where scikit-learn's is defined: average precision
   * (positivesWeighOnly) weighted by positives gives a class without positives weight 0, so the
   * others' average stands, with a note.
   */
  static Value average(int k, PerClass f, String what, boolean weighted, boolean bounded, boolean positivesWeighOnly) {
    double sum = 0, bound = 0, wsum = 0;
    List<Integer> weightless = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      double[] r = f.of(c);
      if (weighted && r[2] == 0) { // no positive weight: weight 0 in scikit-learn's weighted average
        if (Double.isNaN(r[0]) && positivesWeighOnly && k > 1) weightless.add(c);
        continue;
      }
      if (Double.isNaN(r[0])) {
        String who = k == 1 ? "" : " for class " + c;
        return Value.undefined(what + " is undefined" + who + ": only one class is present in the labels ("
            + (r[1] == 0 ? "no positive" : "no negative") + " rows)");
      }
      double w = weighted ? r[2] : 1.0;
      sum += w * r[0];
      bound += w * r[3];
      wsum += w;
    }
    if (wsum == 0) return Value.of(0.0).withNote("no class has a positive row; scikit-learn's weighted average is then 0");
    Value v = Value.of(k == 1 ? sum : sum / wsum);
    if (!weightless.isEmpty()) {
      v = v.withNote(what + " of class" + (weightless.size() == 1 ? " " : "es ") + weightless.stream().map(String::valueOf)
          .collect(Collectors.joining(", ")) + " is undefined (no positive rows): weight 0 in the weighted average, as scikit-learn");
    }
    return bounded ? v.withBound(k == 1 ? bound : bound / wsum) : v;
  }
}
