package dev.sparkeval.measure;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.Value;
import dev.sparkeval.state.EerStat;
import dev.sparkeval.state.PartialAucStat;
import dev.sparkeval.state.PosNeg;
import dev.sparkeval.state.RankStat;
import dev.sparkeval.state.WalkStat;
import java.math.BigDecimal;
import java.util.List;

/**
 * Measures of the ROC curve beyond its area, from a walk over the exact AUC's sorted scores (the
 * same sort job): the equal error rate (TorchMetrics BinaryEER) and the partial AUC up to max_fpr
 * with scikit-learn's McClish correction, 0.5 (1 + (A - f^2 / 2) / (f - f^2 / 2)), f = max_fpr and
 * A the area up to f. Per class, averaged as auc_roc (macro or weighted by positive weight).
 */
public final class RankWalkMeasure implements Measure {
  private final RankStat scores;
  private final WalkStat walk;
  private final double maxFpr;
  private final boolean weighted;

  private RankWalkMeasure(RankStat scores, WalkStat walk, double maxFpr, boolean weighted) {
    this.scores = scores;
    this.walk = walk;
    this.maxFpr = maxFpr;
    this.weighted = weighted;
  }

  public static RankWalkMeasure eer(boolean logits) {
    RankStat s = new RankStat(Task.BINARY, logits);
    return new RankWalkMeasure(s, new EerStat(s), Double.NaN, false);
  }

  public static RankWalkMeasure partialAuc(Task task, boolean logits, double maxFpr, String average) {
    RankStat s = new RankStat(task, logits);
    return new RankWalkMeasure(s, new PartialAucStat(s, maxFpr), maxFpr, average.equals("weighted"));
  }

  @Override public List<Stat> needs() { return List.of(scores, walk); }

  @Override public Value finish(StatSet stats) {
    RankStat s = stats.get(scores);
    if (s.classes() < 0) return Value.undefined("no rows");
    WalkStat w = stats.get(walk);
    return AucMeasure.average(s.classes(), c -> {
      PosNeg t = s.total(c);
      BigDecimal p = t.posExact(), n = t.negExact();
      if (p.signum() == 0) return new double[] {Double.NaN, 0, 0, 0};
      if (n.signum() == 0) return new double[] {Double.NaN, 1, 0, 0};
      double v = w instanceof EerStat e ? e.value(stats, c) : mcclish(((PartialAucStat) w).area(stats, c), p, n);
      return new double[] {v, 0, p.doubleValue(), 0};
    }, walk instanceof EerStat ? "the equal error rate" : "partial ROC AUC", weighted, false, false);
  }

  private double mcclish(BigDecimal area, BigDecimal p, BigDecimal n) {
    BigDecimal a = area.divide(p.multiply(n), Exact.MC), f = new BigDecimal(maxFpr);
    BigDecimal min = f.multiply(f).divide(BigDecimal.valueOf(2), Exact.MC);
    BigDecimal half = new BigDecimal("0.5");
    return half.multiply(BigDecimal.ONE.add(a.subtract(min).divide(f.subtract(min), Exact.MC))).doubleValue();
  }
}
