package dev.sparkeval.state;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowFunction;
import dev.sparkeval.core.Stat;

/**
 * The smallest and largest value of a row function over the rows of positive weight (a row of
 * weight 0 counts zero times, as everywhere else). Min and max are exact, so merges are too.
 */
public final class ExtremeStat extends Stat {
  private static final long serialVersionUID = 1L;
  private final RowFunction f;
  private double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
  private long rows;

  public ExtremeStat(RowFunction f) {
    this.f = f;
  }

  @Override public String key() { return "extremes:" + f.key(); }

  @Override public Stat fresh() { return new ExtremeStat(f); }

  @Override public void add(Example e) {
    if (!(e.weight > 0)) return;
    double v = f.apply(e) + 0.0;
    if (v < min) min = v;
    if (v > max) max = v;
    rows++;
  }

  @Override public void merge(Stat other) {
    ExtremeStat o = same(other, ExtremeStat.class);
    min = Math.min(min, o.min);
    max = Math.max(max, o.max);
    rows += o.rows;
  }

  /** Rows of positive weight seen. */
  public long rows() { return rows; }

  public double min() { return min; }

  public double max() { return max; }
}
