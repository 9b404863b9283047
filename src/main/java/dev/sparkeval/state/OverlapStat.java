package dev.sparkeval.state;

import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Stat;
import dev.sparkeval.loss.Tversky;

/**
 * Segmentation sums for Dice and Tversky: the weighted pooled sums TP = sum w sum(y p),
 * SY = sum w sum(y), SP = sum w sum(p) (a row's sums weighted as a whole), and the weighted sum
 * of the per-row losses. Scalar rows (a pixel per row) only feed the pooled sums.
 */
public final class OverlapStat extends Stat {
  private static final long serialVersionUID = 1L;
  private final double alpha, beta, smooth;
  private final ExactSum tp = new ExactSum();
  private final ExactSum sumY = new ExactSum();
  private final ExactSum sumP = new ExactSum();
  private final ExactSum losses = new ExactSum();
  private long scalarRows;

  public OverlapStat(double alpha, double beta, double smooth) {
    this.alpha = alpha;
    this.beta = beta;
    this.smooth = smooth;
  }

  @Override public String key() { return "overlap:alpha=" + alpha + ",beta=" + beta + ",smooth=" + smooth; }

  @Override public Stat fresh() { return new OverlapStat(alpha, beta, smooth); }

  @Override public void add(Example e) {
    double w = e.weight;
    if (e.labelVec == null) {
      scalarRows++;
      double y = e.label, p = e.prediction;
      if (w == 1) tp.addProduct(y, p);
      else tp.addProduct(w, y, p);
      add(sumY, w, y);
      add(sumP, w, p);
      return;
    }
    double[] y = e.labelVec;
    double[] p = e.predictionVec;
    double t = 0, sy = 0, sp = 0;
    for (int i = 0; i < y.length; i++) {
      t += y[i] * p[i];
      sy += y[i];
      sp += p[i];
    }
    add(tp, w, t);
    add(sumY, w, sy);
    add(sumP, w, sp);
    add(losses, w, Tversky.loss(t, sy, sp, alpha, beta, smooth));
  }

  /** Adds w * v exactly (v alone for the common unit weight). */
  static void add(ExactSum s, double w, double v) {
    if (w == 1) s.add(v);
    else s.addProduct(w, v);
  }

  @Override public void merge(Stat other) {
    OverlapStat o = same(other, OverlapStat.class);
    tp.merge(o.tp);
    sumY.merge(o.sumY);
    sumP.merge(o.sumP);
    losses.merge(o.losses);
    scalarRows += o.scalarRows;
  }

  /** Rows given as a pixel each (scalar columns), which are always pooled. */
  public long scalarRows() { return scalarRows; }

  /** The pooled sums TP, SY, SP, and the weighted sum of per-row losses. */
  public ExactSum tp() { return tp; }

  public ExactSum sumY() { return sumY; }

  public ExactSum sumP() { return sumP; }

  public ExactSum losses() { return losses; }
}
