package dev.sparkeval.state;

import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowFunction;
import dev.sparkeval.core.Stat;

/** The exact sum of w * f(row) * g(row): with {@link MomentStat}s of f and g, an exact covariance. */
public final class CrossMomentStat extends Stat {
  private static final long serialVersionUID = 1L;
  private final RowFunction f, g;
  private final ExactSum sum = new ExactSum();

  public CrossMomentStat(RowFunction f, RowFunction g) {
    this.f = f;
    this.g = g;
  }

  @Override public String key() { return "cross:" + f.key() + "*" + g.key(); }

  @Override public Stat fresh() { return new CrossMomentStat(f, g); }

  @Override public void add(Example e) {
    if (e.weight == 1.0) sum.addProduct(f.apply(e), g.apply(e));
    else sum.addProduct(e.weight, f.apply(e), g.apply(e));
  }

  @Override public void merge(Stat other) {
    sum.merge(same(other, CrossMomentStat.class).sum);
  }

  public ExactSum sum() { return sum; }
}
