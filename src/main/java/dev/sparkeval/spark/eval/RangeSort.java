package dev.sparkeval.spark.eval;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import scala.Tuple2;

/**
 * The reduce side of {@link OrderShuffle#sorted}: one range's chunks ({@link RangePacker}) read
 * into primitive columns (unit, bits, tag and where each record lies), ordered by a stable LSD
 * radix sort on (unit, bits, tag) and handed out in that order. Records of equal keys come in
 * chunk order; the walks do not depend on it (their cells are exact sums). A record handed out is
 * reused by a later one of the same shape: every walk reads a record before it asks for the next
 * and keeps none.
 */
final class RangeSort implements Iterator<Tuple2<long[], double[]>> {
  private final ByteBuffer[] chunks;
  private final long[] at; // where each record lies (chunk << 32 | offset), in sorted order
  @SuppressWarnings("unchecked")
  private final Tuple2<long[], double[]>[] shapes = new Tuple2[16]; // by key length 2 or 3 and value length
  private int next;

  RangeSort(Iterator<Tuple2<Integer, byte[]>> in) {
    List<ByteBuffer> list = new ArrayList<>();
    int n = 0, cap = 1024;
    int[] u = new int[cap];
    long[] b = new long[cap], g = null, a = new long[cap];
    while (in.hasNext()) {
      ByteBuffer c = ByteBuffer.wrap(in.next()._2());
      long ci = (long) list.size() << 32;
      list.add(c);
      while (c.hasRemaining()) {
        if (n == cap) {
          cap *= 2;
          u = Arrays.copyOf(u, cap);
          b = Arrays.copyOf(b, cap);
          a = Arrays.copyOf(a, cap);
          if (g != null) g = Arrays.copyOf(g, cap);
        }
        int pos = c.position();
        a[n] = ci | pos;
        u[n] = c.getInt();
        int kl = c.get(), vl = c.get();
        b[n] = c.getLong();
        if (kl == 3) {
          if (g == null) g = new long[cap];
          g[n] = c.getLong();
        }
        c.position(c.position() + 8 * vl);
        n++;
      }
    }
    this.chunks = list.toArray(new ByteBuffer[0]);
    int[] order = order(n, u, b, g);
    long[] sorted = new long[n];
    for (int i = 0; i < n; i++) sorted[i] = a[order[i]]; // one gather here, then each record is read once from its chunk
    this.at = sorted;
  }

  /** Record indices in (unit, bits, tag) order; bits and tags compare signed. */
  static int[] order(int n, int[] unit, long[] bits, long[] tag) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) idx[i] = i;
    if (n < 2) return idx;
    long[] k = new long[n];
    if (tag != null) {
      for (int i = 0; i < n; i++) k[i] = tag[idx[i]] ^ Long.MIN_VALUE;
      idx = radix(idx, k);
    }
    for (int i = 0; i < n; i++) k[i] = bits[idx[i]] ^ Long.MIN_VALUE;
    idx = radix(idx, k);
    for (int i = 0; i < n; i++) k[i] = unit[idx[i]] & 0xffffffffL;
    return radix(idx, k);
  }

  /** Stably sorts idx by the unsigned keys k (k[i] belongs to idx[i]), one byte a pass, skipping bytes all keys share. */
  static int[] radix(int[] idx, long[] k) {
    int n = idx.length;
    int[][] counts = new int[8][256];
    for (long x : k) {
      for (int d = 0; d < 8; d++) counts[d][(int) (x >>> (8 * d)) & 0xff]++;
    }
    int[] i2 = new int[n];
    long[] k2 = new long[n];
    for (int d = 0; d < 8; d++) {
      int[] c = counts[d];
      if (c[(int) (k[0] >>> (8 * d)) & 0xff] == n) continue; // every key has this byte
      int sum = 0;
      for (int v = 0; v < 256; v++) {
        int t = c[v];
        c[v] = sum;
        sum += t;
      }
      int shift = 8 * d;
      for (int i = 0; i < n; i++) {
        int dst = c[(int) (k[i] >>> shift) & 0xff]++;
        k2[dst] = k[i];
        i2[dst] = idx[i];
      }
      long[] tk = k;
      k = k2;
      k2 = tk;
      int[] ti = idx;
      idx = i2;
      i2 = ti;
    }
    return idx;
  }

  @Override public boolean hasNext() {
    return next < at.length;
  }

  @Override public Tuple2<long[], double[]> next() {
    if (!hasNext()) throw new NoSuchElementException();
    long where = at[next++];
    ByteBuffer c = chunks[(int) (where >>> 32)];
    int pos = (int) where;
    int kl = c.get(pos + 4), vl = c.get(pos + 5);
    int shape = (kl - 2) * 8 + vl;
    Tuple2<long[], double[]> rec = shapes[shape];
    if (rec == null) rec = shapes[shape] = new Tuple2<>(new long[kl], new double[vl]);
    long[] key = rec._1();
    key[0] = c.getInt(pos);
    for (int i = 1; i < kl; i++) key[i] = c.getLong(pos + 6 + 8 * (i - 1));
    double[] v = rec._2();
    int off = pos + 6 + 8 * (kl - 1);
    for (int i = 0; i < vl; i++) v[i] = c.getDouble(off + 8 * i);
    return rec;
  }
}
