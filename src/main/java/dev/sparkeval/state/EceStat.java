package dev.sparkeval.state;

import dev.sparkeval.core.Batch;
import dev.sparkeval.core.Exact;
import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Value;
import dev.sparkeval.loss.Decisions;
import java.math.BigDecimal;
import java.util.List;

/**
 * Expected calibration error with equal-width bins: sum over bins of |sum w (hit - confidence)| / sum w.
 * Binary: confidence = p, hit = label (the reliability of the positive-class probability, as
 * torchmetrics' BinaryCalibrationError); multiclass: confidence = max p, hit = [argmax == label]
 * (Guo et al. 2017). Bin b holds confidences in [b/B, (b+1)/B); 1 falls in the last bin. With
 * per-bin weights it also serves the L2 and max norms ({@link dev.sparkeval.measure.CalibrationMeasure}).
 */
public final class EceStat extends Stat implements Measure {
  private static final long serialVersionUID = 1L;
  private final int bins;
  private final boolean multiclass;
  private final ExactSum weight = new ExactSum();
  private final ExactSum[] gap; // per bin: sum w (hit - confidence), exactly
  private final ExactSum[] binWeight; // per bin: sum w; null unless asked for
  private long rows;

  public EceStat(int bins, boolean multiclass) {
    this(bins, multiclass, false);
  }

  public EceStat(int bins, boolean multiclass, boolean binWeights) {
    this.bins = bins;
    this.multiclass = multiclass;
    this.gap = new ExactSum[bins];
    this.binWeight = binWeights ? new ExactSum[bins] : null;
  }

  @Override public String key() {
    return "ece:" + bins + (multiclass ? ":top_label" : ":positive") + (binWeight != null ? ":bin_weights" : "");
  }

  @Override public Stat fresh() { return new EceStat(bins, multiclass, binWeight != null); }

  public int bins() { return bins; }

  /** Sum w (hit - confidence) of bin b, or null when no row fell there. */
  public ExactSum gap(int b) { return gap[b]; }

  /** Sum w of bin b, or null when no row fell there (only with bin weights). */
  public ExactSum binWeight(int b) { return binWeight[b]; }

  public ExactSum weight() { return weight; }

  public long rows() { return rows; }

  static int bin(double c, int bins) {
    int b = (int) (c * bins);
    // A power of two scales c exactly, so the truncation is already the exact bin: skip the
    // two divisions that correct the rounding of c * bins otherwise.
    if ((bins & (bins - 1)) == 0) return Math.max(0, Math.min(b, bins - 1));
    if (b < bins && c >= (b + 1) / (double) bins) b++;
    if (b > 0 && c < b / (double) bins) b--;
    return Math.max(0, Math.min(b, bins - 1));
  }

  /** bin(c[i], bins) into out[i] for i in [0, n). */
  static void bins(double[] c, int n, int bins, int[] out) {
    for (int i = 0; i < n; i++) out[i] = bin(c[i], bins);
  }

  @Override public void add(Example e) {
    double conf, hit;
    if (multiclass) {
      int d = Decisions.argmax(e.predictionVec);
      conf = e.predictionVec[d];
      hit = d == (int) e.label ? 1 : 0;
    } else {
      conf = e.prediction;
      hit = e.label;
    }
    int b = bin(conf, bins);
    if (gap[b] == null) gap[b] = new ExactSum();
    gap[b].addProduct(e.weight, hit);
    gap[b].addProduct(-e.weight, conf);
    if (binWeight != null) {
      if (binWeight[b] == null) binWeight[b] = new ExactSum();
      binWeight[b].add(e.weight);
    }
    weight.add(e.weight);
    rows++;
  }

  /** Binary batches: the row path's sums, one bin's run at a time (see {@link BinRuns}). */
  @Override public void add(Batch b) {
    if (multiclass) {
      super.add(b);
      return;
    }
    int n = b.size;
    int[] start = BinRuns.byScore(b, bins);
    double[] hit = b.scratch(0), conf = b.scratch(1), w = b.weight == null ? null : b.scratch(2);
    for (int i = 0; i < n; i++) conf[i] = -conf[i]; // w * -p is exactly -(w * p), as the row path adds it
    for (int k = 0; k < bins; k++) {
      int from = start[k], to = start[k + 1];
      if (from == to) continue;
      if (gap[k] == null) gap[k] = new ExactSum();
      if (binWeight != null && binWeight[k] == null) binWeight[k] = new ExactSum();
      if (w == null) {
        b.sums().add(hit, from, to, gap[k]);
        b.sums().add(conf, from, to, gap[k]);
        if (binWeight != null) binWeight[k].add(to - from);
      } else {
        b.sums().addProducts(w, hit, from, to, gap[k]);
        b.sums().addProducts(w, conf, from, to, gap[k]);
        if (binWeight != null) b.sums().add(w, from, to, binWeight[k]);
      }
    }
    if (b.weight == null) weight.add(n);
    else b.sums().add(b.weight, 0, n, weight);
    rows += n;
  }

  @Override public void merge(Stat other) {
    EceStat o = same(other, EceStat.class);
    weight.merge(o.weight);
    rows += o.rows;
    for (int b = 0; b < bins; b++) {
      if (o.gap[b] == null) continue;
      if (gap[b] == null) gap[b] = new ExactSum();
      gap[b].merge(o.gap[b]);
      if (binWeight == null) continue;
      if (binWeight[b] == null) binWeight[b] = new ExactSum();
      binWeight[b].merge(o.binWeight[b]);
    }
  }

  @Override public List<Stat> needs() { return List.of(this); }

  @Override public Value finish(StatSet stats) {
    EceStat s = stats.get(this);
    if (s.rows == 0) return Value.undefined("no rows");
    if (s.weight.value() == 0) return Value.undefined("the sum of weights is 0");
    BigDecimal sum = BigDecimal.ZERO;
    for (ExactSum g : s.gap) if (g != null) sum = sum.add(g.exact().abs(), Exact.MC);
    return Value.of(sum.divide(s.weight.exact(), Exact.MC).doubleValue());
  }
}
