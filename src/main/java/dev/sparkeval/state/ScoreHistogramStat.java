package dev.sparkeval.state;

import dev.sparkeval.core.Batch;
import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Stat;

/**
 * Binary scores in fixed equal-width bins on [0, 1], per true class: exact weight sums per bin
 * (long counts while every weight is 1). The reliability table is {@link CalibrationStat}'s.
 */
public final class ScoreHistogramStat extends Stat {
  private static final long serialVersionUID = 1L;
  public static final int BINS = 200;
  private final long[][] counts = new long[2][BINS];
  private ExactSum[][] weights; // null while every weight is 1
  private transient int[] tally; // scratch of batch adds, zero between them

  @Override public String key() { return "score_histogram:" + BINS; }

  @Override public Stat fresh() { return new ScoreHistogramStat(); }

  /** Bin of a score: [i/BINS, (i+1)/BINS), with 1 in the last bin. */
  public static int bin(double p) {
    if (!(p > 0)) return 0;
    return (int) Math.min(BINS - 1, Math.floor(p * BINS));
  }

  @Override public void add(Example e) {
    int c = e.label > 0.5 ? 1 : 0;
    int b = bin(e.prediction);
    if (e.weight != 1.0 && weights == null) startWeights();
    counts[c][b]++;
    if (weights != null) weights[c][b].add(e.weight);
  }

  /** Unweighted batches: the counts in one pass (a local tally, no branch on the label). Weighted batches row by row. */
  @Override public void add(Batch b) {
    if (b.weight != null) {
      super.add(b);
      return;
    }
    double[] y = b.label, p = b.prediction;
    int n = b.size;
    if (tally == null) tally = new int[2 * BINS];
    int[] t = tally;
    for (int i = 0; i < n; i++) {
      // bin(p) without branches: (int) truncates NaN and negatives to <= 0, clamped to 0 as bin() does
      int bin = Math.max(0, Math.min(BINS - 1, (int) (p[i] * BINS)));
      t[(y[i] > 0.5 ? BINS : 0) + bin]++;
    }
    for (int c = 0; c < 2; c++) {
      for (int k = 0; k < BINS; k++) {
        int rows = t[c * BINS + k];
        if (rows == 0) continue;
        counts[c][k] += rows;
        if (weights != null) weights[c][k].add(rows); // an earlier weighted row started exact weights
        t[c * BINS + k] = 0;
      }
    }
  }

  private void startWeights() {
    weights = new ExactSum[2][BINS];
    for (int c = 0; c < 2; c++) {
      for (int b = 0; b < BINS; b++) {
        weights[c][b] = new ExactSum();
        if (counts[c][b] != 0) weights[c][b].add(counts[c][b]);
      }
    }
  }

  @Override public void merge(Stat other) {
    ScoreHistogramStat o = same(other, ScoreHistogramStat.class);
    if (o.weights != null && weights == null) startWeights();
    for (int c = 0; c < 2; c++) {
      for (int b = 0; b < BINS; b++) {
        counts[c][b] += o.counts[c][b];
        if (weights == null) continue;
        if (o.weights != null) weights[c][b].merge(o.weights[c][b]);
        else if (o.counts[c][b] != 0) weights[c][b].add(o.counts[c][b]);
      }
    }
  }

  /** Weight sum of true class c (0 or 1) in score bin b. */
  public double weight(int c, int b) {
    return weights == null ? counts[c][b] : weights[c][b].value();
  }
}
