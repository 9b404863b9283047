package dev.sparkeval.state;

import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Stat;

/**
 * Counts for the IoU (Jaccard index) of binarised masks: a pixel is foreground in the label when
 * y > 0.5 and in the prediction when p > threshold. Holds the weighted pooled intersection and
 * union counts and the weighted sum of per-row IoUs (zero_division where a row's union is empty).
 */
public final class IouStat extends Stat {
  private static final long serialVersionUID = 1L;
  private final double threshold;
  private final double zeroDivision;
  private final ExactSum intersection = new ExactSum();
  private final ExactSum union = new ExactSum();
  private final ExactSum perRow = new ExactSum();
  private long scalarRows;

  public IouStat(double threshold, double zeroDivision) {
    this.threshold = threshold;
    this.zeroDivision = zeroDivision;
  }

  @Override public String key() { return "iou:threshold=" + threshold + ",zero_division=" + zeroDivision; }

  @Override public Stat fresh() { return new IouStat(threshold, zeroDivision); }

  @Override public void add(Example e) {
    int inter = 0, uni = 0;
    if (e.labelVec == null) {
      scalarRows++;
      boolean y = e.label > 0.5, p = e.prediction > threshold;
      inter = y && p ? 1 : 0;
      uni = y || p ? 1 : 0;
    } else {
      double[] ys = e.labelVec;
      double[] ps = e.predictionVec;
      for (int i = 0; i < ys.length; i++) {
        boolean y = ys[i] > 0.5, p = ps[i] > threshold;
        if (y && p) inter++;
        if (y || p) uni++;
      }
    }
    double w = e.weight;
    double iou = uni == 0 ? zeroDivision : (double) inter / uni;
    OverlapStat.add(intersection, w, inter);
    OverlapStat.add(union, w, uni);
    OverlapStat.add(perRow, w, iou);
  }

  @Override public void merge(Stat other) {
    IouStat o = same(other, IouStat.class);
    intersection.merge(o.intersection);
    union.merge(o.union);
    perRow.merge(o.perRow);
    scalarRows += o.scalarRows;
  }

  public ExactSum intersection() { return intersection; }

  public ExactSum union() { return union; }

  /** The weighted sum of per-row IoUs. */
  public ExactSum perRow() { return perRow; }

  /** Rows given as a pixel each (scalar columns), which are always pooled. */
  public long scalarRows() { return scalarRows; }
}
