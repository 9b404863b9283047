package dev.sparkeval.measure;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Value;
import dev.sparkeval.core.WeightStat;
import dev.sparkeval.state.DimensionStat;
import dev.sparkeval.state.IouStat;
import java.util.List;

/**
 * IoU of binarised masks (sklearn jaccard_score). reduction=global (and always for scalar
 * rows): pooled weighted intersection over pooled weighted union, as jaccard_score on the
 * flattened masks; reduction=mean: the weighted mean of per-row IoUs, as average='samples'.
 * An empty union gives zero_division, as in scikit-learn.
 */
public final class IouMeasure implements Measure {
  private final boolean global;
  private final double zeroDivision;
  private final WeightStat weight = new WeightStat();
  private final IouStat iou;

  public IouMeasure(double threshold, double zeroDivision, boolean global) {
    this.global = global;
    this.zeroDivision = zeroDivision;
    this.iou = new IouStat(threshold, zeroDivision);
  }

  @Override public List<Stat> needs() {
    return List.of(weight, new DimensionStat(), iou);
  }

  @Override public Value finish(StatSet stats) {
    WeightStat w = stats.get(weight);
    if (w.count() == 0) return Value.undefined("no rows");
    if (w.weight().value() == 0) return Value.undefined("the sum of weights is 0");
    IouStat s = stats.get(iou);
    if (global || s.scalarRows() > 0) {
      if (s.union().value() == 0) return Value.of(zeroDivision);
      return Value.of(Exact.ratio(s.intersection(), s.union()));
    }
    return Value.of(Exact.ratio(s.perRow(), w.weight()));
  }
}
