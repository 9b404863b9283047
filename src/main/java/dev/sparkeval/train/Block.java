package dev.sparkeval.train;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.StatSet;
import java.io.Serializable;
import java.util.Arrays;

/**
 * The training rows of one partition as flat arrays (features row-major, labels), cached once.
 * Everything an iteration or an evaluation does to a partition is a method here, so the Spark
 * side and the plain-Java tests run the very same code.
 */
public final class Block implements Serializable {
  private static final long serialVersionUID = 1L;
  public final int n;
  public final int d;
  public final double[] x;
  public final double[] y;

  public Block(int n, int d, double[] x, double[] y) {
    this.n = n;
    this.d = d;
    this.x = x;
    this.y = y;
  }

  /** The rows of several blocks, in order (to merge partitions). */
  public static Block concat(java.util.Iterator<Block> blocks, int d) {
    java.util.List<Block> all = new java.util.ArrayList<>();
    int n = 0;
    while (blocks.hasNext()) {
      Block b = blocks.next();
      all.add(b);
      n += b.n;
    }
    double[] x = new double[n * d];
    double[] y = new double[n];
    int at = 0;
    for (Block b : all) {
      System.arraycopy(b.x, 0, x, at * d, b.n * d);
      System.arraycopy(b.y, 0, y, at, b.n);
      at += b.n;
    }
    return new Block(n, d, x, y);
  }

  /** The rows for which keep(offset + i) is true, in order. */
  public Block select(long offset, java.util.function.LongPredicate keep) {
    int m = 0;
    double[] nx = new double[x.length];
    double[] ny = new double[n];
    for (int i = 0; i < n; i++) {
      if (!keep.test(offset + i)) continue;
      System.arraycopy(x, i * d, nx, m * d, d);
      ny[m++] = y[i];
    }
    return new Block(m, d, Arrays.copyOf(nx, m * d), Arrays.copyOf(ny, m));
  }

  /** Features mapped to (x - mean) / std. */
  public Block standardized(double[] mean, double[] std) {
    double[] nx = new double[x.length];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) nx[i * d + j] = (x[i * d + j] - mean[j]) / std[j];
    }
    return new Block(n, d, nx, y);
  }

  /** Means and variances of the features and the label range of this block. */
  public FeatureStats stats() {
    FeatureStats s = new FeatureStats(d);
    for (int i = 0; i < n; i++) s.add(x, i * d, y[i]);
    return s;
  }

  /**
   * This block's rows in the order of an epoch: row i (global index offset + i) goes to
   * position p = shuffle.position(offset + i) and so to batch p / batchSize. Sorting the keys
   * batch * n + i makes each batch a contiguous run, in row order within the batch.
   */
  public long[] order(Shuffle shuffle, long offset, long batchSize) {
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) keys[i] = shuffle.position(offset + i) / batchSize * n + i;
    Arrays.sort(keys);
    return keys;
  }

  /** The sums of one iteration over the rows of batch b in this block (null when it has none). */
  public StepSums step(long[] keys, long b, Network net, Objective obj, double[] w) {
    int from = lowerBound(keys, b * n);
    int to = lowerBound(keys, (b + 1) * n);
    if (from == to) return null;
    StepSums s = new StepSums(net.size());
    Network.Workspace ws = net.workspace();
    double[] dOut = new double[net.outputs()];
    for (int k = from; k < to; k++) {
      int i = (int) (keys[k] % n);
      double[] out = net.forward(w, x, i * d, ws);
      s.loss.add(obj.loss(out, y[i], dOut));
      s.denominator.add(obj.rowWeight(y[i]));
      net.backward(w, x, i * d, ws, dOut, s.grad);
      s.rows++;
    }
    return s;
  }

  /** Folds this block's predictions into a fresh copy of the evaluation's fused state. */
  public StatSet evaluate(Network net, Objective obj, double[] w, StatSet prototype, RowRule rule) {
    StatSet s = prototype.fresh();
    Network.Workspace ws = net.workspace();
    Example e = new Example();
    for (int i = 0; i < n; i++) {
      obj.fill(net.forward(w, x, i * d, ws), y[i], e);
      RowRule.Bad bad = rule.check(e);
      if (bad != null) throw new IllegalStateException("row rejected by the evaluation: " + bad.detail());
      s.add(e);
    }
    return s;
  }

  private static int lowerBound(long[] a, long key) {
    int lo = 0, hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
