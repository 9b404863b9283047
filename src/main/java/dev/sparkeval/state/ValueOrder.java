package dev.sparkeval.state;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowFunction;

/** The values of one row function (|y - p| for the median error, y for a label quantile), ascending. */
public final class ValueOrder extends OrderStat {
  private static final long serialVersionUID = 1L;
  private final RowFunction f;

  public ValueOrder(RowFunction f) {
    this.f = f;
  }

  @Override public String key() { return "order:" + f.key(); }

  @Override protected OrderStat blank() { return new ValueOrder(f); }

  @Override public int channels(Example e) { return 1; }

  @Override public double value(Example e, int c) { return f.apply(e) + 0.0; }

  @Override public boolean side(Example e, int c) { return true; }
}
