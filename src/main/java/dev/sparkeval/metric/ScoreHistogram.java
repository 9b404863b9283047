package dev.sparkeval.metric;

import java.io.Serializable;

/**
 * Positive and negative weight per score bin. UNIFORM bins split probabilities [0, 1] evenly
 * (the one-pass binned AUC); LOGIT bins split the logit axis [-16, 16] evenly (the layout of the
 * exact AUC job, finer where probabilities crowd near 0 and 1). Both are monotone in the score.
 */
public final class ScoreHistogram implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final double LOGIT_RANGE = 16;

  private final int bins;
  private final boolean logitScale;
  private final PosNeg[] cells;

  public ScoreHistogram(int bins, boolean logitScale) {
    this.bins = bins;
    this.logitScale = logitScale;
    this.cells = new PosNeg[bins];
  }

  public int bins() { return bins; }

  /**
   * The bin of a score; scoreIsLogit says whether the score is a logit or a probability.
   * The same function places rows in the pass and in the exact AUC job.
   */
  public int bin(double score, boolean scoreIsLogit) {
    if (logitScale) {
      double t = scoreIsLogit ? score : Math.log(score) - Math.log1p(-score);
      t = Math.max(-LOGIT_RANGE, Math.min(LOGIT_RANGE, t));
      return Math.min(bins - 1, (int) ((t + LOGIT_RANGE) / (2 * LOGIT_RANGE) * bins));
    }
    double p = scoreIsLogit ? dev.sparkeval.loss.Decisions.sigmoid(score) : score;
    return EceStat.bin(p, bins);
  }

  public void add(double score, boolean scoreIsLogit, boolean positive, double w) {
    int b = bin(score, scoreIsLogit);
    if (cells[b] == null) cells[b] = new PosNeg();
    cells[b].add(positive, w);
  }

  public void merge(ScoreHistogram o) {
    for (int b = 0; b < bins; b++) {
      if (o.cells[b] == null) continue;
      if (cells[b] == null) cells[b] = new PosNeg();
      cells[b].merge(o.cells[b]);
    }
  }

  /** The cell of bin b, or null when no row fell there. */
  public PosNeg cell(int b) { return cells[b]; }
}
