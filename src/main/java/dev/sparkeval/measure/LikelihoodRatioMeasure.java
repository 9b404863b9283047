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

/**
 * sklearn class_likelihood_ratios of the binary decisions: LR+ = sensitivity / (1 - specificity)
 * = tp (tn + fp) / (fp (tp + fn)) and LR- = (1 - sensitivity) / specificity = fn (tn + fp) / (tn (tp + fn)).
 * Where sklearn returns nan (no positive labels; fp = 0 for LR+; tn = 0 for LR-) the value is
 * undefined with the reason.
 */
public final class LikelihoodRatioMeasure implements Measure {
  private final boolean plus;
  private final ConfusionStat confusion;

  public LikelihoodRatioMeasure(boolean plus, double threshold) {
    this.plus = plus;
    this.confusion = new ConfusionStat(Task.BINARY, threshold);
  }

  @Override public List<Stat> needs() { return List.of(confusion); }

  @Override public Value finish(StatSet stats) {
    ConfusionStat s = stats.get(confusion);
    if (s.classes() < 0) return Value.undefined("no rows");
    Counts c = Counts.of(s);
    BigDecimal tp = c.tp[1], tn = c.tp[0];
    BigDecimal fp = c.pred[1].subtract(tp), fn = c.truth[1].subtract(tp);
    BigDecimal pos = c.truth[1], neg = c.truth[0];
    if (pos.signum() == 0) return Value.undefined("no positive labels: sensitivity is 0/0");
    if (plus) {
      if (fp.signum() == 0) return Value.undefined("no false positives: LR+ = sensitivity / 0");
      return Value.of(tp.multiply(neg).divide(fp.multiply(pos), Exact.MC).doubleValue());
    }
    if (tn.signum() == 0) return Value.undefined("no true negatives: LR- = (1 - sensitivity) / 0");
    return Value.of(fn.multiply(neg).divide(tn.multiply(pos), Exact.MC).doubleValue());
  }
}
