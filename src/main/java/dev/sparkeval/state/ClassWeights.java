package dev.sparkeval.state;

import dev.sparkeval.core.ExactSum;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Exact weight per true class of a group of rows (one distinct score of the one-vs-one AUC walk):
 * unit weights counted, others summed exactly, so the result does not depend on the grouping.
 */
public final class ClassWeights implements Serializable {
  private static final long serialVersionUID = 1L;
  private long[] counts = new long[0];
  private ExactSum[] other = new ExactSum[0];

  private void size(int cls) {
    if (cls < counts.length) return;
    int n = Math.max(cls + 1, 2 * counts.length);
    counts = Arrays.copyOf(counts, n);
    other = Arrays.copyOf(other, n);
  }

  public void add(int cls, double w) {
    size(cls);
    if (w == 1.0) counts[cls]++;
    else {
      if (other[cls] == null) other[cls] = new ExactSum();
      other[cls].add(w);
    }
  }

  public void merge(ClassWeights o) {
    size(o.counts.length - 1);
    for (int c = 0; c < o.counts.length; c++) {
      counts[c] += o.counts[c];
      if (o.other[c] != null) {
        if (other[c] == null) other[c] = new ExactSum();
        other[c].merge(o.other[c]);
      }
    }
  }

  /** One more than the largest class seen. */
  public int classes() { return counts.length; }

  /** The correctly rounded weight of class c (0 for a class never seen). */
  public double weight(int c) {
    if (c >= counts.length) return 0;
    if (other[c] == null) return counts[c];
    ExactSum t = new ExactSum();
    t.merge(other[c]);
    t.add((double) counts[c]); // exact: counts stay below 2^53
    return t.value();
  }
}
