package dev.sparkeval.measure;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowFunction;
import dev.sparkeval.state.LabelSplit;

/**
 * Rankings within one multilabel row (scikit-learn's label ranking metrics): the row's scores
 * split into its relevant and irrelevant labels, each sorted, then counted with two pointers.
 * Scores are the prediction column as given (logits with --logits, as scikit-learn would rank them).
 */
public final class LabelRanks {
  private LabelRanks() {}

  private static LabelSplit split(Example e) {
    return LabelSplit.of(e.logitVec != null ? e.logitVec : e.predictionVec, e.labelVec);
  }

  private abstract static class Fn implements RowFunction {
    private static final long serialVersionUID = 1L;
    private final String key;

    Fn(String key) { this.key = key; }

    @Override public String key() { return key; }
  }

  /** coverage_error: how far down the ranking all relevant labels are covered (0 for a row without one). */
  public static RowFunction coverage() {
    return new Fn("coverage_error") {
      private static final long serialVersionUID = 1L;
      @Override public double apply(Example e) {
        LabelSplit s = split(e);
        return s.pos().length == 0 ? 0 : s.pos().length + s.negAtLeast(s.pos()[0]);
      }
    };
  }

  /** label_ranking_loss: the fraction of (relevant, irrelevant) pairs ordered wrongly or tied; 0 when either is empty. */
  public static RowFunction rankingLoss() {
    return new Fn("label_ranking_loss") {
      private static final long serialVersionUID = 1L;
      @Override public double apply(Example e) {
        LabelSplit s = split(e);
        long pairs = (long) s.pos().length * s.neg().length;
        if (pairs == 0) return 0;
        long wrong = 0;
        for (double x : s.pos()) wrong += s.negAtLeast(x);
        return (double) wrong / pairs;
      }
    };
  }

  /**
   * label_ranking_average_precision_score: the mean over relevant labels of (relevant labels
   * scored at least as high) / (labels scored at least as high); 1 when all or none are relevant.
   */
  public static RowFunction lrap() {
    return new Fn("lrap") {
      private static final long serialVersionUID = 1L;
      @Override public double apply(Example e) {
        LabelSplit s = split(e);
        int p = s.pos().length;
        if (p == 0 || s.neg().length == 0) return 1.0;
        double sum = 0;
        int i = 0;
        while (i < p) {
          int j = i;
          while (j < p && s.pos()[j] == s.pos()[i]) j++;
          int relevant = p - i; // relevant labels scored >= pos[i]
          double term = (double) relevant / (relevant + s.negAtLeast(s.pos()[i]));
          for (int t = i; t < j; t++) sum += term;
          i = j;
        }
        return sum / p;
      }
    };
  }
}
