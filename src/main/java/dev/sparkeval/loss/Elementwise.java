package dev.sparkeval.loss;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowFunction;

/**
 * A per-element loss over the elements of a multilabel row: their mean (so that the mean over
 * rows is the mean over all elements), or, with --ignore-index, the sum over the elements not
 * left out, to be divided by {@link #counted()}: the mean over every element kept, as PyTorch
 * users mask a loss with reduction='none'.
 */
public final class Elementwise implements RowFunction {
  private static final long serialVersionUID = 1L;
  private final PointLoss inner;
  private final boolean logits;
  private final boolean sum;

  public Elementwise(PointLoss inner, boolean logits) {
    this(inner, logits, false);
  }

  /** sum: the sum over the elements kept instead of the mean over all of them. */
  public Elementwise(PointLoss inner, boolean logits, boolean sum) {
    this.inner = inner;
    this.logits = logits;
    this.sum = sum;
  }

  @Override public String key() { return "elementwise:" + inner.key() + (logits ? ":logits" : "") + (sum ? ":sum" : ""); }

  public PointLoss inner() { return inner; }

  @Override public double apply(Example e) {
    double[] s = logits ? e.logitVec : e.predictionVec;
    double total = 0;
    for (int i = 0; i < s.length; i++) {
      if (sum && Example.ignored(e.labelVec[i])) continue;
      total += inner.value(e.labelVec[i], s[i]);
    }
    return sum ? total : total / s.length;
  }

  @Override public boolean skipsIgnoredElements() { return sum; }

  /** The number of label elements of a row not left out by --ignore-index. */
  public static RowFunction counted() {
    return new RowFunction() {
      private static final long serialVersionUID = 1L;
      @Override public String key() { return "label_elements_kept"; }
      @Override public boolean skipsIgnoredElements() { return true; }
      @Override public double apply(Example e) {
        int n = 0;
        for (double y : e.labelVec) if (!Example.ignored(y)) n++;
        return n;
      }
    };
  }
}
