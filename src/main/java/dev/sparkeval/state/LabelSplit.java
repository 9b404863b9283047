package dev.sparkeval.state;

import java.util.Arrays;

/**
 * One multilabel row's scores split into its relevant (label 1) and irrelevant labels, each
 * sorted ascending (-0.0 folded into 0.0): the per-row rankings of scikit-learn's label ranking
 * metrics and samples-averaged AUC are counted from it with two pointers.
 */
public record LabelSplit(double[] pos, double[] neg) {
  public static LabelSplit of(double[] scores, double[] labels) {
    int p = 0;
    for (double v : labels) if (v == 1.0) p++;
    double[] pos = new double[p], neg = new double[labels.length - p];
    int i = 0, j = 0;
    for (int l = 0; l < labels.length; l++) {
      if (labels[l] == 1.0) pos[i++] = scores[l] + 0.0;
      else neg[j++] = scores[l] + 0.0;
    }
    Arrays.sort(pos);
    Arrays.sort(neg);
    return new LabelSplit(pos, neg);
  }

  /** Twice the number of (relevant, irrelevant) pairs ranked right, ties counting one half. */
  public long twiceOrdered() {
    long twice = 0;
    int below = 0; // neg[0..below) < x; pos ascends, so it only moves forward
    for (double x : pos) {
      while (below < neg.length && neg[below] < x) below++;
      int ties = 0;
      while (below + ties < neg.length && neg[below + ties] == x) ties++;
      twice += 2L * below + ties;
    }
    return twice;
  }

  /** Number of irrelevant labels scored at least x. */
  public int negAtLeast(double x) {
    int lo = 0, hi = neg.length; // first index with neg >= x
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (neg[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return neg.length - lo;
  }
}
