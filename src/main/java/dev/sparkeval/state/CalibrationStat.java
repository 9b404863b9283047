package dev.sparkeval.state;

import dev.sparkeval.core.Batch;
import dev.sparkeval.core.Exact;
import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Stat;
import java.math.BigDecimal;

/**
 * The binary reliability table: per equal-width score bin (the bins of {@link EceStat}), its rows,
 * and the exact sums of w, w * label and w * p. Its ECE, sum |sum w y - sum w p| / sum w, is
 * computed as {@link EceStat} computes it, so with the same bins the report's chart and the
 * {@code ece} metric give the same bits.
 */
public final class CalibrationStat extends Stat {
  private static final long serialVersionUID = 1L;
  private final int bins;
  private final long[] rows;
  private final ExactSum[] weight, positive, score;

  public CalibrationStat(int bins) {
    this.bins = bins;
    this.rows = new long[bins];
    this.weight = new ExactSum[bins];
    this.positive = new ExactSum[bins];
    this.score = new ExactSum[bins];
  }

  @Override public String key() { return "calibration:" + bins; }

  @Override public Stat fresh() { return new CalibrationStat(bins); }

  public int bins() { return bins; }

  @Override public void add(Example e) {
    int b = EceStat.bin(e.prediction, bins);
    rows[b]++;
    if (weight[b] == null) {
      weight[b] = new ExactSum();
      positive[b] = new ExactSum();
      score[b] = new ExactSum();
    }
    weight[b].add(e.weight);
    positive[b].addProduct(e.weight, e.label);
    score[b].addProduct(e.weight, e.prediction);
  }

  /** The row path's sums, one bin at a time: rows grouped by bin, then each bin's run added in bulk. */
  @Override public void add(Batch b) {
    int[] start = BinRuns.byScore(b, bins);
    double[] y = b.scratch(0), s = b.scratch(1), w = b.weight == null ? null : b.scratch(2);
    for (int k = 0; k < bins; k++) {
      int from = start[k], to = start[k + 1];
      if (from == to) continue;
      rows[k] += to - from;
      if (weight[k] == null) {
        weight[k] = new ExactSum();
        positive[k] = new ExactSum();
        score[k] = new ExactSum();
      }
      if (w == null) { // each row adds 1, y and p
        weight[k].add(to - from);
        b.sums().add(y, from, to, positive[k]);
        b.sums().add(s, from, to, score[k]);
      } else {
        b.sums().add(w, from, to, weight[k]);
        b.sums().addProducts(w, y, from, to, positive[k]);
        b.sums().addProducts(w, s, from, to, score[k]);
      }
    }
  }

  @Override public void merge(Stat other) {
    CalibrationStat o = same(other, CalibrationStat.class);
    for (int b = 0; b < bins; b++) {
      if (o.weight[b] == null) continue;
      if (weight[b] == null) {
        weight[b] = new ExactSum();
        positive[b] = new ExactSum();
        score[b] = new ExactSum();
      }
      rows[b] += o.rows[b];
      weight[b].merge(o.weight[b]);
      positive[b].merge(o.positive[b]);
      score[b].merge(o.score[b]);
    }
  }

  /** Rows in bin b. */
  public long rows(int b) { return rows[b]; }

  /** The exact weight of bin b (0 when empty). */
  public double weight(int b) { return weight[b] == null ? 0 : weight[b].value(); }

  /** The weighted mean score of bin b (NaN when its weight is 0). */
  public double meanScore(int b) { return weight[b] == null ? Double.NaN : Exact.ratio(score[b], weight[b]); }

  /** The weighted share of positives in bin b (NaN when its weight is 0). */
  public double positiveRate(int b) { return weight[b] == null ? Double.NaN : Exact.ratio(positive[b], weight[b]); }

  /** The expected calibration error; null without weight. */
  public Double ece() {
    ExactSum total = new ExactSum();
    BigDecimal gaps = BigDecimal.ZERO;
    for (int b = 0; b < bins; b++) {
      if (weight[b] == null) continue;
      total.merge(weight[b]);
      gaps = gaps.add(positive[b].exact().subtract(score[b].exact()).abs(), Exact.MC);
    }
    if (total.value() == 0) return null;
    return gaps.divide(total.exact(), Exact.MC).doubleValue();
  }
}
