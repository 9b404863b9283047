package dev.sparkeval.state;

import dev.sparkeval.core.Batch;
import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.ExactSumBuffer;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowFunction;
import dev.sparkeval.core.Stat;
import java.math.BigDecimal;

/**
 * Exact first and second weighted moments of a row quantity: sum(w*v) and sum(w*v*v), the
 * products taken exactly, so that variances finish without cancellation error.
 */
public final class MomentStat extends Stat {
  private static final long serialVersionUID = 1L;
  private final RowFunction f;
  private final ExactSum s1 = new ExactSum();
  private final ExactSum s2 = new ExactSum();

  public MomentStat(RowFunction f) {
    this.f = f;
  }

  @Override public String key() { return "moments:" + f.key(); }

  @Override public Stat fresh() { return new MomentStat(f); }

  @Override public void add(Example e) {
    double v = f.apply(e);
    if (e.weight == 1.0) {
      s1.add(v);
      s2.addProduct(v, v);
    } else {
      s1.addProduct(e.weight, v);
      s2.addProduct(e.weight, v, v);
    }
  }

  @Override public void add(Batch b) {
    double[] v = b.scratch(0);
    f.apply(b, v);
    ExactSumBuffer sums = b.sums();
    if (b.weight == null) {
      sums.add(v, b.size, s1);
      sums.addProducts(v, v, b.size, s2);
    } else { // w = 1 adds the same exact values as the unit-weight path of add(Example)
      sums.addProducts(b.weight, v, b.size, s1);
      sums.addProducts(b.weight, v, v, b.size, s2);
    }
  }

  @Override public void merge(Stat other) {
    MomentStat o = same(other, MomentStat.class);
    s1.merge(o.s1);
    s2.merge(o.s2);
  }

  public ExactSum sum() { return s1; }

  public ExactSum sumOfSquares() { return s2; }

  /** n * sum(w v^2) - (sum(w v))^2 for the total weight n: W^2 times the weighted variance; exact. */
  public BigDecimal scaledVariance(ExactSum w) {
    BigDecimal a = s1.exact();
    return w.exact().multiply(s2.exact()).subtract(a.multiply(a));
  }
}
