package dev.sparkeval.state;

import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Stat;
import dev.sparkeval.rank.AtK;
import java.util.List;

/**
 * Exact sums for ranking metrics at every cutoff k = 1..K of each family (the report's curves):
 * per family and k, the sum of w * value and the weight of the queries that have a value.
 */
public final class CurveStat extends Stat {
  private static final long serialVersionUID = 1L;
  private final List<AtK> families; // each at its largest k
  private final ExactSum[][] sums;
  private final ExactSum[][] weights;
  private final long[][] ones;

  public CurveStat(List<AtK> families) {
    this.families = List.copyOf(families);
    sums = new ExactSum[families.size()][];
    weights = new ExactSum[families.size()][];
    ones = new long[families.size()][];
    for (int f = 0; f < families.size(); f++) {
      int k = families.get(f).k();
      sums[f] = new ExactSum[k];
      weights[f] = new ExactSum[k];
      ones[f] = new long[k];
      for (int i = 0; i < k; i++) {
        sums[f][i] = new ExactSum();
        weights[f][i] = new ExactSum();
      }
    }
  }

  @Override public String key() {
    StringBuilder b = new StringBuilder("curves");
    for (AtK f : families) b.append(';').append(f.key());
    return b.toString();
  }

  @Override public Stat fresh() { return new CurveStat(families); }

  @Override public void add(Example e) {
    for (int f = 0; f < families.size(); f++) {
      int k = families.get(f).k();
      double[] buffer = families.get(f).curve(e, k);
      for (int i = 0; i < k; i++) {
        double v = buffer[i];
        if (Double.isNaN(v)) continue;
        if (e.weight == 1.0) {
          sums[f][i].add(v);
          ones[f][i]++;
        } else {
          sums[f][i].addProduct(e.weight, v);
          weights[f][i].add(e.weight);
        }
      }
    }
  }

  @Override public void merge(Stat other) {
    CurveStat o = same(other, CurveStat.class);
    for (int f = 0; f < sums.length; f++) {
      for (int i = 0; i < sums[f].length; i++) {
        sums[f][i].merge(o.sums[f][i]);
        weights[f][i].merge(o.weights[f][i]);
        ones[f][i] += o.ones[f][i];
      }
    }
  }

  public List<AtK> families() { return families; }

  public ExactSum sum(int family, int i) { return sums[family][i]; }

  /** The exact weight of the queries with a value at cutoff i + 1. */
  public ExactSum weight(int family, int i) {
    ExactSum w = new ExactSum();
    w.merge(weights[family][i]);
    w.add((double) ones[family][i]);
    return w;
  }
}
