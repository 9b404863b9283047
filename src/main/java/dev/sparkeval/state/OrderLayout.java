package dev.sparkeval.state;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Exact weight per bin of a monotone long key (see {@link OrderKeys}), bin = key >> shift. The
 * shift grows (bins merge in pairs) whenever more than {@link #CAP} bins are non-empty, so the
 * state stays small whatever the data. The final shift is the smallest at which the whole data
 * fits, whatever the order of adds and merges, so every partitioning ends with the same bins.
 * The sort job takes its units from these bins: balanced ranges, and the exact weight before each.
 */
public final class OrderLayout implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final int CAP = 256;

  private int shift;
  private int size;
  private long[] keys = new long[16];
  private PosNeg[] cells = new PosNeg[16];

  public int shift() { return shift; }

  /** The bin of a key at the current shift. */
  public long bin(long key) {
    return key >> shift;
  }

  public void add(long key, boolean side, double w) {
    slot(key >> shift).add(side, w);
    if (size > CAP) coarsen(shift + 1);
  }

  public void merge(OrderLayout o) {
    int target = Math.max(shift, o.shift);
    if (target > shift) coarsen(target);
    int d = target - o.shift;
    for (int i = 0; i < o.keys.length; i++) if (o.cells[i] != null) slot(o.keys[i] >> d).merge(o.cells[i]);
    if (size > CAP) coarsen(shift + 1);
  }

  /** The non-empty bins in ascending order. */
  public long[] bins() {
    long[] b = new long[size];
    int n = 0;
    for (int i = 0; i < keys.length; i++) if (cells[i] != null) b[n++] = keys[i];
    Arrays.sort(b);
    return b;
  }

  /** The rows of a non-empty bin (shared, do not change). */
  public PosNeg cell(long bin) {
    int i = find(bin);
    return cells[i];
  }

  /** All rows. */
  public PosNeg total() {
    PosNeg t = new PosNeg();
    for (PosNeg c : cells) if (c != null) t.merge(c);
    return t;
  }

  private void coarsen(int to) {
    while (shift < to || size > CAP) {
      long[] ks = keys;
      PosNeg[] cs = cells;
      int d = Math.max(1, to - shift);
      shift += d;
      keys = new long[ks.length];
      cells = new PosNeg[cs.length];
      size = 0;
      for (int i = 0; i < ks.length; i++) if (cs[i] != null) slot(ks[i] >> d).merge(cs[i]);
      to = shift;
    }
  }

  private PosNeg slot(long bin) {
    int i = find(bin);
    if (cells[i] == null) {
      if (2 * (size + 1) > keys.length) {
        grow();
        i = find(bin);
      }
      keys[i] = bin;
      cells[i] = new PosNeg();
      size++;
    }
    return cells[i];
  }

  /** The slot holding bin, or the empty slot where it would go (linear probing). */
  private int find(long bin) {
    int mask = keys.length - 1;
    long h = bin * 0x9E3779B97F4A7C15L;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (cells[i] != null && keys[i] != bin) i = (i + 1) & mask;
    return i;
  }

  private void grow() {
    long[] ks = keys;
    PosNeg[] cs = cells;
    keys = new long[ks.length * 2];
    cells = new PosNeg[cs.length * 2];
    for (int i = 0; i < ks.length; i++) {
      if (cs[i] == null) continue;
      int j = find(ks[i]);
      keys[j] = ks[i];
      cells[j] = cs[i];
    }
  }
}
