package dev.sparkeval.state;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.UsageException;

/**
 * The vector length of the rows folded in (the first vector bound: label, prediction or anchor).
 * Two states of different lengths refuse to merge: the table mixes dimensions across partitions,
 * which the per-partition row check cannot see.
 */
public final class DimensionStat extends Stat {
  private static final long serialVersionUID = 1L;
  public static final String KEY = "dimension";
  private int dimension = -1;

  @Override public String key() { return KEY; }

  @Override public Stat fresh() { return new DimensionStat(); }

  @Override public void add(Example e) {
    int n = length(e);
    if (n < 0) return; // scalar rows (a pixel per row) have no dimension
    if (dimension < 0) dimension = n;
    else if (n != dimension) throw mismatch(dimension, n);
  }

  @Override public void merge(Stat other) {
    int o = same(other, DimensionStat.class).dimension;
    if (o < 0) return;
    if (dimension < 0) dimension = o;
    else if (o != dimension) throw mismatch(dimension, o);
  }

  /** The length seen, or -1 when no vector row was folded in. */
  public int dimension() { return dimension; }

  static int length(Example e) {
    if (e.labelVec != null) return e.labelVec.length;
    if (e.predictionVec != null) return e.predictionVec.length;
    if (e.anchor != null) return e.anchor.length;
    return -1;
  }

  private static UsageException mismatch(int a, int b) {
    return new UsageException("the table mixes vectors of " + a + " and " + b
        + " entries (in different partitions); every row must have the same dimension");
  }
}
