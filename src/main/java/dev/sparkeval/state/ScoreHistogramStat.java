package dev.sparkeval.state;

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
