package dev.sparkeval.state;

import java.io.Serializable;

/** Positive and negative weight per score bin, bins splitting probabilities [0, 1] evenly (the one-pass binned AUC). */
public final class ScoreHistogram implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int bins;
  private long[] counts;      // unit-weight rows: [2b] positives, [2b + 1] negatives of bin b; null before the first
  private PosNeg[] weighted;  // rows of other weights, per bin; null until one arrives

  public ScoreHistogram(int bins) {
    this.bins = bins;
  }

  public int bins() { return bins; }

  /** The bin of a score; scoreIsLogit says whether the score is a logit or a probability. */
  public int bin(double score, boolean scoreIsLogit) {
    double p = scoreIsLogit ? dev.sparkeval.loss.Decisions.sigmoid(score) : score;
    return EceStat.bin(p, bins);
  }

  // Counts sit in one flat array (no object per bin): the per-row add is an index and an increment.
  public void add(double score, boolean scoreIsLogit, boolean positive, double w) {
    int b = bin(score, scoreIsLogit);
    if (w == 1.0) {
      if (counts == null) counts = new long[2 * bins];
      counts[2 * b + (positive ? 0 : 1)]++;
    } else {
      if (weighted == null) weighted = new PosNeg[bins];
      if (weighted[b] == null) weighted[b] = new PosNeg();
      weighted[b].add(positive, w);
    }
  }

  /** Binary rows of a batch: score, label (positive when 1) and weight (null: every row weighs 1), as add() row by row. */
  public void add(double[] score, boolean scoreIsLogit, double[] label, double[] weight, int n) {
    for (int i = 0; i < n; i++) {
      if (weight == null || weight[i] == 1.0) {
        if (counts == null) counts = new long[2 * bins];
        counts[2 * bin(score[i], scoreIsLogit) + (label[i] == 1.0 ? 0 : 1)]++;
      } else {
        add(score[i], scoreIsLogit, label[i] == 1.0, weight[i]);
      }
    }
  }

  public void merge(ScoreHistogram o) {
    if (o.counts != null) {
      if (counts == null) counts = new long[2 * bins];
      for (int i = 0; i < counts.length; i++) counts[i] += o.counts[i];
    }
    if (o.weighted != null) {
      if (weighted == null) weighted = new PosNeg[bins];
      for (int b = 0; b < bins; b++) {
        if (o.weighted[b] == null) continue;
        if (weighted[b] == null) weighted[b] = new PosNeg();
        weighted[b].merge(o.weighted[b]);
      }
    }
  }

  /** The rows of bin b (a new object), or null when no row fell there. */
  public PosNeg cell(int b) {
    long pos = counts == null ? 0 : counts[2 * b], neg = counts == null ? 0 : counts[2 * b + 1];
    PosNeg w = weighted == null ? null : weighted[b];
    if (pos == 0 && neg == 0 && w == null) return null;
    PosNeg c = PosNeg.counted(pos, neg);
    if (w != null) c.merge(w);
    return c;
  }
}
