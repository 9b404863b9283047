package dev.sparkeval.measure;

import dev.sparkeval.core.Batch;
import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.Value;
import dev.sparkeval.state.ConfusionStat;
import dev.sparkeval.state.PosNeg;
import dev.sparkeval.state.RankStat;
import dev.sparkeval.state.ScoreHistogram;
import java.util.List;

/**
 * One-pass ROC AUC / average precision from a mergeable histogram of B equal-width probability
 * bins, with a certified bound on the error. Rows in different bins are ordered exactly; only
 * the order of a positive and a negative in the same bin is unknown. The value treats each bin
 * as one tied score. ROC: a bin's pairs add between 0 and P_b N_b, the value takes P_b N_b / 2,
 * so |error| <= sum_b P_b N_b / (2 P N). AP: with T, F the weights above bin b and D = F + N_b,
 * the bin adds at most P_b (T + P_b) / (T + P_b + F) (its positives first) and at least
 * P_b - D ln((T + P_b + D) / (T + D)) (the integral of x / (x + D), a lower bound for any order).
 */
public final class BinnedAucMeasure implements Measure {
  private final Binned stat;
  private final boolean roc, weighted;

  public BinnedAucMeasure(Task task, boolean logits, boolean roc, String average, int bins) {
    this.stat = new Binned(new RankStat(task, logits), bins);
    this.roc = roc;
    this.weighted = average.equals("weighted");
  }

  @Override public List<Stat> needs() { return List.of(stat); }

  @Override public Value finish(StatSet stats) {
    Binned s = stats.get(stat);
    if (s.k < 0) return Value.undefined("no rows");
    return AucMeasure.average(s.k, c -> perClass(s.hist[c]), roc, weighted, true);
  }

  private double[] perClass(ScoreHistogram h) {
    double p = 0, n = 0;
    PosNeg[] cells = new PosNeg[h.bins()];
    for (int b = 0; b < h.bins(); b++) {
      cells[b] = h.cell(b);
      if (cells[b] != null) {
        p += cells[b].pos();
        n += cells[b].neg();
      }
    }
    if (p == 0) return new double[] {Double.NaN, 0, 0, 0};
    if (roc && n == 0) return new double[] {Double.NaN, 1, p, 0};
    ExactSum est = new ExactSum(), slack = new ExactSum(), hi = new ExactSum(), lo = new ExactSum();
    double t = 0, f = 0;
    for (int b = h.bins() - 1; b >= 0; b--) {
      PosNeg cell = cells[b];
      if (cell == null) continue;
      double pb = cell.pos(), nb = cell.neg();
      if (roc) {
        est.addProduct(nb, t);
        est.addProduct(nb, pb * 0.5);
        slack.addProduct(pb, nb * 0.5);
      } else if (pb > 0) {
        double d = f + nb;
        est.add(pb * (t + pb) / (t + pb + d));
        hi.add(pb * (t + pb) / (t + pb + f));
        lo.add(d == 0 ? pb : pb - d * Math.log((t + pb + d) / (t + d)));
      }
      t += pb;
      f += nb;
    }
    double value, bound;
    if (roc) {
      value = est.value() / p / n;
      bound = slack.value() / p / n;
    } else {
      double e = est.value();
      value = e / p;
      bound = Math.max(hi.value() - e, e - lo.value()) / p;
    }
    bound = bound * (1 + 1e-9) + 8 * Math.ulp(value); // margin for the rounding of the arithmetic above
    return new double[] {Math.min(value, 1.0), 0, p, bound};
  }

  /** Per class, a histogram of B equal-width probability bins. */
  static final class Binned extends Stat {
    private static final long serialVersionUID = 1L;
    private final RankStat scores; // only for which score and which rows are positive
    private final int bins;
    int k = -1;
    ScoreHistogram[] hist;

    Binned(RankStat scores, int bins) {
      this.scores = scores;
      this.bins = bins;
    }

    @Override public String key() { return "binned_" + scores.key() + ":bins=" + bins; }

    @Override public Stat fresh() { return new Binned(scores, bins); }

    private void size(int n) {
      if (k == n) return;
      if (k >= 0) throw ConfusionStat.mismatch(k, n);
      k = n;
      hist = new ScoreHistogram[n];
      for (int c = 0; c < n; c++) hist[c] = new ScoreHistogram(bins);
    }

    @Override public void add(Example e) {
      size(RankStat.classesOf(scores.task(), e));
      for (int c = 0; c < k; c++) {
        if (scores.includes(e, c)) hist[c].add(scores.score(e, c), scores.scoresAreLogits(), scores.positive(e, c), e.weight);
      }
    }

    @Override public boolean skipsIgnoredElements() { return true; }
    @Override public void add(Batch b) {
      if (scores.task() != Task.BINARY) {
        super.add(b);
        return;
      }
      size(1);
      hist[0].add(scores.scoresAreLogits() ? b.logit : b.prediction, scores.scoresAreLogits(), b.label, b.weight, b.size);
    }

    @Override public void merge(Stat other) {
      Binned o = same(other, Binned.class);
      if (o.k < 0) return;
      size(o.k);
      for (int c = 0; c < k; c++) hist[c].merge(o.hist[c]);
    }
  }
}
