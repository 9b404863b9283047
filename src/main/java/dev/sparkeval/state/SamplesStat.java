package dev.sparkeval.state;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.Value;

/**
 * Multilabel average=samples: the weighted means over rows of each row's precision, recall,
 * F-beta and Jaccard index |truth and decision| / |truth or decision| across its labels
 * (scikit-learn), with the rows where zero_division applied counted.
 */
public final class SamplesStat extends Stat {
  private static final long serialVersionUID = 1L;
  private final double beta, zd, threshold;
  private final ExactSum weight = new ExactSum();
  private final ExactSum[] sums = {new ExactSum(), new ExactSum(), new ExactSum(), new ExactSum()};
  private long rows, zeroPred, zeroTrue, zeroBoth;

  public SamplesStat(double beta, double zeroDivision, double threshold) {
    this.beta = beta;
    this.zd = zeroDivision;
    this.threshold = threshold;
  }

  @Override public String key() { return "samples:beta=" + beta + ",zd=" + zd + ",threshold=" + threshold; }

  @Override public Stat fresh() { return new SamplesStat(beta, zd, threshold); }

  @Override public void add(Example e) {
    int tp = 0, pred = 0, truth = 0;
    for (int l = 0; l < e.labelVec.length; l++) {
      if (Example.ignored(e.labelVec[l])) continue;
      boolean y = e.labelVec[l] == 1.0, d = e.predictionVec[l] > threshold;
      if (y && d) tp++;
      if (d) pred++;
      if (y) truth++;
    }
    double p = pred == 0 ? zd : (double) tp / pred;
    double r = truth == 0 ? zd : (double) tp / truth;
    double b2 = beta * beta, denom = b2 * p + r;
    double f = denom == 0 ? 0 : (1 + b2) * p * r / denom;
    int union = pred + truth - tp;
    double j = union == 0 ? zd : (double) tp / union;
    if (pred == 0) zeroPred++;
    if (truth == 0) zeroTrue++;
    if (union == 0) zeroBoth++;
    rows++;
    double[] v = {p, r, f, j};
    for (int i = 0; i < 4; i++) {
      if (e.weight == 1.0) sums[i].add(v[i]);
      else sums[i].addProduct(e.weight, v[i]);
    }
    weight.add(e.weight);
  }

  @Override public boolean skipsIgnoredElements() { return true; }

  @Override public void merge(Stat other) {
    SamplesStat o = same(other, SamplesStat.class);
    weight.merge(o.weight);
    for (int i = 0; i < 4; i++) sums[i].merge(o.sums[i]);
    rows += o.rows;
    zeroPred += o.zeroPred;
    zeroTrue += o.zeroTrue;
    zeroBoth += o.zeroBoth;
  }

  /** 0 precision, 1 recall, 2 F-beta, 3 Jaccard. */
  public Value finish(int which) {
    if (rows == 0) return Value.undefined("no rows");
    if (weight.value() == 0) return Value.undefined("the sum of weights is 0");
    Value v = Value.of(Exact.ratio(sums[which], weight));
    if (which == 3) {
      return zeroBoth == 0 ? v : v.withNote(zeroBoth + " row(s) with no true and no predicted label: jaccard 0/0; set to"
          + " zero_division=" + (zd == 0 ? "0" : "1"));
    }
    String note = null;
    if (zeroPred > 0 && which != 1) note = zeroPred + " row(s) with no predicted label: precision 0/0";
    if (zeroTrue > 0 && which != 0) {
      note = (note == null ? "" : note + "; ") + zeroTrue + " row(s) with no true label: recall 0/0";
    }
    return note == null ? v : v.withNote(note + "; set to zero_division=" + (zd == 0 ? "0" : "1"));
  }
}
