package dev.sparkeval.state;

import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.Value;

/**
 * Multilabel ROC AUC with average=samples (scikit-learn): each row's AUC over its own labels
 * (relevant against irrelevant, ties one half), averaged with the row weights. A row whose
 * labels are all 0 or all 1 has no AUC: scikit-learn's mean is then nan, unless the row's
 * weight is 0, which leaves it out; such rows are counted.
 */
public final class SamplesAucStat extends Stat {
  private static final long serialVersionUID = 1L;
  private final boolean logits;
  private final ExactSum sum = new ExactSum();
  private final ExactSum weight = new ExactSum();
  private long rows, oneClass;

  public SamplesAucStat(boolean logits) {
    this.logits = logits;
  }

  @Override public String key() { return "samples_auc" + (logits ? ":logits" : ""); }

  @Override public Stat fresh() { return new SamplesAucStat(logits); }

  @Override public void add(Example e) {
    double[] s = logits ? e.logitVec : e.predictionVec, y = e.labelVec;
    int p = 0;
    for (double v : y) if (v == 1.0) p++;
    rows++;
    weight.add(e.weight);
    if (p == 0 || p == y.length) {
      if (e.weight != 0) oneClass++;
      return;
    }
    LabelSplit split = LabelSplit.of(s, y);
    double auc = (double) split.twiceOrdered() / (2.0 * p * (y.length - p));
    if (e.weight == 1.0) sum.add(auc);
    else sum.addProduct(e.weight, auc);
  }

  @Override public void merge(Stat other) {
    SamplesAucStat o = same(other, SamplesAucStat.class);
    sum.merge(o.sum);
    weight.merge(o.weight);
    rows += o.rows;
    oneClass += o.oneClass;
  }

  public Value finish() {
    if (rows == 0) return Value.undefined("no rows");
    if (oneClass > 0) {
      return Value.undefined(oneClass + " row(s) have only relevant or only irrelevant labels, where a row's ROC AUC"
          + " is undefined (scikit-learn's samples average is nan); use average=micro or macro");
    }
    if (weight.value() == 0) return Value.undefined("the sum of weights is 0");
    return Value.of(dev.sparkeval.core.Exact.ratio(sum, weight));
  }
}
