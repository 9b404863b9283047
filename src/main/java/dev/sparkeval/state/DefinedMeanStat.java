package dev.sparkeval.state;

import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowFunction;
import dev.sparkeval.core.Stat;

/**
 * Exact sums for the weighted mean of a row function over the rows where it is a number: the
 * sum of w * f, the sum of w and the count of those rows, and the count of rows left out (f NaN).
 */
public final class DefinedMeanStat extends Stat {
  private static final long serialVersionUID = 1L;
  private final RowFunction f;
  private final ExactSum sum = new ExactSum();
  private final ExactSum weight = new ExactSum();
  private long ones; // unit weights are counted, not summed
  private long count;
  private long leftOut;

  public DefinedMeanStat(RowFunction f) {
    this.f = f;
  }

  @Override public String key() { return "defined_mean:" + f.key(); }

  @Override public Stat fresh() { return new DefinedMeanStat(f); }

  @Override public void add(Example e) {
    double v = f.apply(e);
    if (Double.isNaN(v)) {
      leftOut++;
      return;
    }
    count++;
    if (e.weight == 1.0) {
      sum.add(v);
      ones++;
    } else {
      sum.addProduct(e.weight, v);
      weight.add(e.weight);
    }
  }

  @Override public void merge(Stat other) {
    DefinedMeanStat o = same(other, DefinedMeanStat.class);
    sum.merge(o.sum);
    weight.merge(o.weight);
    ones += o.ones;
    count += o.count;
    leftOut += o.leftOut;
  }

  public ExactSum sum() { return sum; }

  /** The exact sum of the weights of the rows counted. */
  public ExactSum weight() {
    ExactSum all = new ExactSum();
    all.merge(weight);
    all.add((double) ones);
    return all;
  }

  public long count() { return count; }

  public long leftOut() { return leftOut; }
}
