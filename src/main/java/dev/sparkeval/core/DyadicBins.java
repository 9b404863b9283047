package dev.sparkeval.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A mergeable histogram over one or two coordinates that needs no range up front. Bins are
 * squares 2^level wide; level is the smallest (from {@link #MIN_LEVEL}) at which at most
 * maxBins bins are non-empty and every bin index fits in 30 bits. That level is a function of
 * the set of values alone (a superset never needs a finer one), so adds and merges in any order
 * give the same bins. Counts are exact longs; weight sums become exact sums once a weight other
 * than 1 is seen.
 */
public final class DyadicBins implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final int MIN_LEVEL = -40;
  private static final double INDEX_LIMIT = 1 << 30;
  private static final long EMPTY = Long.MIN_VALUE;
  private static final long NON_FINITE = 0x7FFL << 52; // magnitude bits of infinity
  private static final int DENSE = 1 << 16; // cells of the dense window of a batch add

  private final int maxBins;
  private int level = MIN_LEVEL;
  private double scale = Math.scalb(1.0, -MIN_LEVEL); // 2^-level: multiplying by it is exact
  private long[] keys;
  private long[] counts;
  private ExactSum[] weights; // null while every weight seen is 1
  private int size;
  private long nonFinite;
  private transient int[] dense, seen; // scratch of batch adds: counts per window cell (zero between adds), cells in use
  // Batch adds remember where the bins of a region sit in the table, so that the bins a batch
  // shares with earlier ones are counted without hashing: slotOf[(y - my) * mw + x - mx] is
  // 1 + the slot of bin (x, y) (0: not known yet). Dropped whenever the table is rebuilt.
  private transient int[] slotOf;
  private transient int mx, my, mw, mh;

  public DyadicBins(int maxBins) {
    this.maxBins = maxBins;
    alloc(16); // grows with the bins in use: most slices of a sliced run stay small
  }

  private void alloc(int capacity) {
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    counts = new long[capacity];
    weights = weights == null ? null : new ExactSum[capacity];
    size = 0;
    slotOf = null;
  }

  public void add(double x, double y, double w) {
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      nonFinite++;
      return;
    }
    double sx = x * scale;
    double sy = y * scale;
    while (Math.abs(sx) >= INDEX_LIMIT || Math.abs(sy) >= INDEX_LIMIT) {
      coarsen();
      sx = x * scale;
      sy = y * scale;
    }
    long key = key((long) Math.floor(sx), (long) Math.floor(sy));
    if (w != 1.0 && weights == null) startWeights();
    put(key, 1, w, null);
    while (size > maxBins) coarsen();
  }

  /**
   * Adds unit-weight points (xs[i], ys[i]) for i in [0, n), ys null meaning 0: the bins they fall
   * in are counted in a dense window first (when the batch's bins span few enough indices), then
   * each non-empty one is put once. The level only depends on the set of points, so this gives
   * the bins of n single adds. ix and iy are scratch of length n.
   */
  public void add(double[] xs, double[] ys, int n, int[] ix, int[] iy) {
    if (n == 0) return;
    long hx = magnitude(xs, n), hy = ys == null ? 0 : magnitude(ys, n); // as bits: ordered as the values
    if (hx >= NON_FINITE || hy >= NON_FINITE) { // overflowed residuals: as row by row
      for (int i = 0; i < n; i++) add(xs[i], ys == null ? 0 : ys[i], 1.0);
      return;
    }
    while (Double.longBitsToDouble(hx) * scale >= INDEX_LIMIT || Double.longBitsToDouble(hy) * scale >= INDEX_LIMIT) coarsen();
    long fx = floors(xs, n, scale, ix), fy = ys == null ? 0 : floors(ys, n, scale, iy);
    int x0 = (int) (fx >> 32), x1 = (int) fx, y0 = (int) (fy >> 32), y1 = (int) fy;
    int start = level;
    long w = (long) x1 - x0 + 1, cells = w * ((long) y1 - y0 + 1);
    if (cells > Math.min(DENSE, 4L * n + 1024)) {
      for (int i = 0; i < n; i++) putAt(ix[i], ys == null ? 0 : iy[i], 1, start);
      return;
    }
    if (dense == null || dense.length < cells) {
      dense = new int[(int) cells];
      seen = new int[(int) cells];
    }
    int[] d = dense, cell = seen;
    int width = (int) w, k = 0;
    for (int i = 0; i < n; i++) {
      int c = (ys == null ? 0 : (iy[i] - y0) * width) + ix[i] - x0;
      if (d[c]++ == 0) cell[k++] = c; // the window's first point in cell c
    }
    remember(x0, x1, y0, y1);
    for (int j = 0; j < k; j++) {
      int c = cell[j], x = x0 + c % width, y = y0 + c / width;
      if (slotOf == null || level != start) { // weighted, or the table was rebuilt by this batch
        putAt(x, y, d[c], start);
      } else {
        int m = (y - my) * mw + x - mx, s = slotOf[m] - 1;
        if (s >= 0) {
          counts[s] += d[c];
        } else {
          s = put(key(x, y), d[c], d[c], null);
          if (slotOf != null) slotOf[m] = s + 1;
          while (size > maxBins) coarsen();
        }
      }
      d[c] = 0;
    }
  }

  /** Makes slotOf cover bins [x0, x1] x [y0, y1] when it can (unit weights, a region of at most DENSE bins). */
  private void remember(int x0, int x1, int y0, int y1) {
    if (weights != null) {
      slotOf = null;
      return;
    }
    if (slotOf != null && x0 >= mx && x1 < mx + mw && y0 >= my && y1 < my + mh) return;
    long w = 2L * ((long) x1 - x0 + 1), h = 2L * ((long) y1 - y0 + 1); // a margin for the next batches
    if (w * h > DENSE) {
      slotOf = null;
      return;
    }
    mw = (int) w;
    mh = (int) h;
    mx = x0 - (mw - (x1 - x0 + 1)) / 2;
    my = y0 - (mh - (y1 - y0 + 1)) / 2;
    slotOf = new int[mw * mh];
    for (int i = 0; i < keys.length; i++) { // the bins the table holds already
      if (keys[i] == EMPTY) continue;
      long x = ix(keys[i]) - mx, y = iy(keys[i]) - my;
      if (x >= 0 && x < mw && y >= 0 && y < mh) slotOf[(int) (y * mw + x)] = i + 1;
    }
  }

  /** The largest magnitude of v[0..n), as bits (at or above NON_FINITE: not finite). */
  private static long magnitude(double[] v, int n) {
    long h = 0;
    for (int i = 0; i < n; i++) h = Math.max(h, Double.doubleToRawLongBits(v[i]) & Long.MAX_VALUE);
    return h;
  }

  /** floor(v[i] * sc) into out[i] for i in [0, n); returns the smallest index in the high 32 bits and the largest in the low 32. */
  private static long floors(double[] v, int n, double sc, int[] out) {
    int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      int k = (int) Math.floor(v[i] * sc);
      out[i] = k;
      lo = Math.min(lo, k);
      hi = Math.max(hi, k);
    }
    return ((long) lo << 32) | (hi & 0xFFFFFFFFL);
  }

  /** Puts count unit-weight points of bin (ix, iy) of level {@code at}, in the bins of the current level. */
  private void putAt(long ix, long iy, int count, int at) {
    int shift = Math.min(level - at, 31);
    put(key(ix >> shift, iy >> shift), count, count, null);
    while (size > maxBins) coarsen();
  }

  public void merge(DyadicBins o) {
    if (o.maxBins != maxBins) throw new IllegalArgumentException("bins of " + o.maxBins + " and " + maxBins + " do not merge");
    while (level < o.level) coarsen();
    if (o.weights != null && weights == null) startWeights();
    int shift = Math.min(level - o.level, 31);
    for (int i = 0; i < o.keys.length; i++) {
      if (o.keys[i] == EMPTY) continue;
      long k = key(ix(o.keys[i]) >> shift, iy(o.keys[i]) >> shift);
      put(k, o.counts[i], o.counts[i], o.weights != null ? o.weights[i] : null); // no weights: each row weighs 1
    }
    nonFinite += o.nonFinite;
    while (size > maxBins) coarsen();
  }

  private void startWeights() {
    weights = new ExactSum[keys.length];
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] == EMPTY) continue;
      weights[i] = new ExactSum();
      weights[i].add(counts[i]);
    }
  }

  /** Adds count rows and their weight sum (the exact sum ws when given, else w) to the bin of key; returns its slot. */
  private int put(long key, long count, double w, ExactSum ws) {
    if (size * 2 >= keys.length) grow();
    int i = slot(key);
    if (keys[i] == EMPTY) {
      keys[i] = key;
      size++;
      if (weights != null) weights[i] = new ExactSum();
    }
    counts[i] += count;
    if (weights != null) {
      if (ws != null) weights[i].merge(ws);
      else weights[i].add(w);
    }
    return i;
  }

  private int slot(long key) {
    int mask = keys.length - 1;
    int i = (int) (mix(key) & mask);
    while (keys[i] != EMPTY && keys[i] != key) i = (i + 1) & mask;
    return i;
  }

  private void grow() {
    rehash(keys.length * 2, 0);
  }

  private void coarsen() {
    level++;
    scale = Math.scalb(1.0, -level);
    rehash(keys.length, 1);
  }

  private void rehash(int capacity, int shift) {
    long[] k = keys;
    long[] c = counts;
    ExactSum[] w = weights;
    alloc(capacity);
    for (int i = 0; i < k.length; i++) {
      if (k[i] == EMPTY) continue;
      put(key(ix(k[i]) >> shift, iy(k[i]) >> shift), c[i], c[i], w != null ? w[i] : null);
    }
  }

  private static long key(long ix, long iy) {
    return (ix << 32) | (iy & 0xFFFFFFFFL);
  }

  private static long ix(long key) {
    return key >> 32;
  }

  private static long iy(long key) {
    return (int) key;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    return z ^ (z >>> 33);
  }

  /** The width (and height) of every bin. */
  public double width() {
    return Math.scalb(1.0, level);
  }

  public long nonFinite() {
    return nonFinite;
  }

  /** The non-empty bins in index order: {x lower edge, y lower edge, weight sum, row count}. */
  public List<double[]> bins() {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] == EMPTY) continue;
      double w = weights == null ? counts[i] : weights[i].value();
      out.add(new double[] {Math.scalb((double) ix(keys[i]), level), Math.scalb((double) iy(keys[i]), level), w, counts[i]});
    }
    out.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
    return out;
  }
}
