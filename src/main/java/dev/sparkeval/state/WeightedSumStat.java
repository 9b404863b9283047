package dev.sparkeval.state;

import dev.sparkeval.core.Batch;
import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowFunction;
import dev.sparkeval.core.Stat;

/** The exact sum of weight * f(row) for one row function. */
public final class WeightedSumStat extends Stat {
  private static final long serialVersionUID = 1L;
  private final RowFunction f;
  private final ExactSum sum = new ExactSum();

  public WeightedSumStat(RowFunction f) {
    this.f = f;
  }

  @Override public String key() { return "sum:" + f.key(); }

  @Override public Stat fresh() { return new WeightedSumStat(f); }

  @Override public void add(Example e) {
    double v = f.apply(e);
    if (e.weight == 1.0) sum.add(v);
    else sum.addProduct(e.weight, v);
  }

  @Override public void add(Batch b) {
    double[] v = b.scratch(0);
    f.apply(b, v);
    if (b.weight == null) b.sums().add(v, b.size, sum);
    else b.sums().addProducts(b.weight, v, b.size, sum); // a weight of 1 adds v and a zero error: the same sum
  }

  @Override public void merge(Stat other) {
    sum.merge(same(other, WeightedSumStat.class).sum);
  }

  public ExactSum sum() { return sum; }

  @Override public boolean skipsIgnoredElements() { return f.skipsIgnoredElements(); }
}
