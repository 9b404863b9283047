package dev.sparkeval.core;

/**
 * The large superaccumulator of Radford Neal's xsum (2015) in front of the small
 * {@link ExactSum}: one long per sign and biased exponent (4096 entries, 32 KB) takes the 53-bit
 * mantissa of every add, implicit bit included, so that an exact add costs a shift, a mask, an or
 * and an add in the hot loop (bulk adds of normal numbers and zeros; infinities, NaN and
 * subnormals take a loop with a branch). Entries are folded into the small sum before they could
 * overflow and when a bulk add ends, so the buffer is empty between calls.
 *
 * <p>The result is the exact sum, so it is bit for bit what adding the same values one by one to
 * the {@link ExactSum} gives, in any order and split. A buffer is scratch, not state: one per
 * thread (or per batch loop), never serialised; it is not thread-safe.
 */
public final class ExactSumBuffer {
  private static final long MANTISSA = (1L << 52) - 1;
  private static final long EXPONENT = 0x7FFL << 52;
  private static final long LIMIT = 1L << 62; // below it an entry takes one more 2^53 add without overflow
  private static final long MAGNITUDE = Long.MAX_VALUE;
  private static final long IMPLICIT = 1L << 52;
  private static final long MIN_NORMAL = 1L << 52;
  private static final int RUN = 1024; // 1024 mantissas of 53 bits fit a long
  private final long[] acc = new long[4096];

  /** Adds v[0..n) to {@code into}. */
  public void add(double[] v, int n, ExactSum into) {
    add(v, 0, n, into);
  }

  /**
   * Adds v[from..to) to {@code into}, in runs of at most {@link #RUN} values (which no entry can
   * overflow). Each add is a shift, a mask, an or and an add, while the same loop tracks the
   * range of magnitudes; the entries in that range are then folded. Zeros land in entries 0 and
   * 2048 and are dropped there. A run that held infinities, NaN or subnormals (rare) is cleared
   * and added again with a branch per value.
   */
  public void add(double[] v, int from, int to, ExactSum into) {
    long[] a = acc;
    for (int start = from; start < to; start += RUN) {
      int end = Math.min(to, start + RUN);
      long hi = 0, lo = Long.MAX_VALUE;
      for (int i = start; i < end; i++) {
        long bits = Double.doubleToRawLongBits(v[i]), m = bits & MAGNITUDE;
        hi = Math.max(hi, m);
        lo = Math.min(lo, (m - 1) & MAGNITUDE); // see nonZero
        a[(int) (bits >>> 52)] += (bits & MANTISSA) | IMPLICIT;
      }
      lo = nonZero(lo);
      if (hi >= EXPONENT || lo < MIN_NORMAL) {
        java.util.Arrays.fill(a, 0);
        careful(v, start, end, into);
      } else {
        foldRange(a, hi, lo, into);
      }
    }
  }

  /**
   * The smallest non-zero magnitude from the minimum of (m - 1) & MAGNITUDE over magnitudes m,
   * which a zero turns into the largest long (Long.MAX_VALUE when every m is 0). Skipping zeros
   * with a test instead costs a mispredicted branch per row on 0/1 labels.
   */
  private static long nonZero(long minLess1) {
    return minLess1 == MAGNITUDE ? MAGNITUDE : minLess1 + 1;
  }

  /** Folds the entries of normal magnitudes lo..hi (as bits) into the small sum, drops the zeros' entries, leaves all empty. */
  private static void foldRange(long[] a, long hi, long lo, ExactSum into) {
    a[0] = 0;
    a[2048] = 0;
    for (int e = (int) (lo >>> 52), ehi = (int) (hi >>> 52); e <= ehi; e++) {
      if (a[e] != 0) {
        into.addScaled(a[e], e, false);
        a[e] = 0;
      }
      if (a[e + 2048] != 0) {
        into.addScaled(a[e + 2048], e, true);
        a[e + 2048] = 0;
      }
    }
  }

  /** Any values, one branch for infinities and NaN per add, subnormals scaled as exponent 1. */
  private void careful(double[] v, int from, int to, ExactSum into) {
    long[] a = acc;
    long touched = 0;
    for (int i = from; i < to; i++) touched |= put(a, v[i], into);
    flush(a, touched, into);
  }

  /** Adds a[i] * b[i] for i in [0, n) exactly: each rounded product and its rounding error (as ExactSum.addProduct). */
  public void addProducts(double[] a, double[] b, int n, ExactSum into) {
    addProducts(a, b, 0, n, into);
  }

  /**
   * Adds a[i] * b[i] for i in [from, to) exactly. Each rounded product and its rounding error
   * (Math.fma) go straight into the entries, in runs of RUN / 2 rows (two adds each), as
   * {@link #add} does; a run with an infinite product or a subnormal is added again carefully.
   */
  public void addProducts(double[] a, double[] b, int from, int to, ExactSum into) {
    long[] t = acc;
    for (int start = from; start < to; start += RUN / 2) {
      int end = Math.min(to, start + RUN / 2);
      long hi = 0, lo = Long.MAX_VALUE;
      for (int i = start; i < end; i++) {
        double x = a[i], y = b[i], q = x * y;
        long bq = Double.doubleToRawLongBits(q), be = Double.doubleToRawLongBits(Math.fma(x, y, -q));
        long mq = bq & MAGNITUDE, me = be & MAGNITUDE;
        hi = Math.max(hi, Math.max(mq, me));
        lo = Math.min(lo, Math.min((mq - 1) & MAGNITUDE, (me - 1) & MAGNITUDE)); // see nonZero
        t[(int) (bq >>> 52)] += (bq & MANTISSA) | IMPLICIT;
        t[(int) (be >>> 52)] += (be & MANTISSA) | IMPLICIT;
      }
      lo = nonZero(lo);
      if (hi >= EXPONENT || lo < MIN_NORMAL) {
        java.util.Arrays.fill(t, 0);
        long touched = 0;
        for (int i = start; i < end; i++) {
          double x = a[i], y = b[i], q = x * y;
          touched |= put(t, q, into);
          if (Double.isFinite(q)) touched |= put(t, Math.fma(x, y, -q), into); // an infinite product adds no error term
        }
        flush(t, touched, into);
      } else {
        foldRange(t, hi, lo, into);
      }
    }
  }

  /** Adds a[i] * b[i] * c[i] for i in [0, n) exactly, as ExactSum.addProduct(a, b, c) does row by row. */
  public void addProducts(double[] a, double[] b, double[] c, int n, ExactSum into) {
    long[] s = acc;
    long touched = 0;
    for (int i = 0; i < n; i++) {
      double x = a[i], y = b[i], z = c[i];
      double p = x * y;
      if (!Double.isFinite(p)) {
        touched |= put(s, p * z, into);
        continue;
      }
      double err = Math.fma(x, y, -p);
      double pz = p * z;
      touched |= put(s, pz, into);
      if (Double.isFinite(pz)) touched |= put(s, Math.fma(p, z, -pz), into);
      if (err != 0) {
        double ez = err * z;
        touched |= put(s, ez, into);
        if (Double.isFinite(ez)) touched |= put(s, Math.fma(err, z, -ez), into);
      }
    }
    flush(s, touched, into);
  }

  /**
   * Adds x's mantissa to its entry; returns the bit of the entry's block of 64 (the blocks a
   * flush must visit). Infinities and NaN go straight to the small sum, which counts them.
   */
  private static long put(long[] a, double x, ExactSum into) {
    long bits = Double.doubleToRawLongBits(x);
    long ex = bits & EXPONENT;
    if (ex == EXPONENT) {
      into.add(x);
      return 0;
    }
    int idx = (int) (bits >>> 52);
    long s = a[idx] + ((bits & MANTISSA) | ((-ex >>> 63) << 52)); // implicit bit unless zero or subnormal
    if (s >= LIMIT) {
      fold(idx, s, into);
      s = 0;
    }
    a[idx] = s;
    return 1L << (idx >>> 6);
  }

  private static void flush(long[] a, long touched, ExactSum into) {
    while (touched != 0) {
      int block = Long.numberOfTrailingZeros(touched);
      touched &= touched - 1;
      for (int idx = block << 6, end = idx + 64; idx < end; idx++) {
        long s = a[idx];
        if (s != 0) {
          fold(idx, s, into);
          a[idx] = 0;
        }
      }
    }
  }

  /** Entry idx (sign bit and biased exponent) holds s units of its exponent's lowest bit. */
  private static void fold(int idx, long s, ExactSum into) {
    into.addScaled(s, Math.max(idx & 0x7FF, 1), idx >= 2048); // subnormals share the scale of exponent 1
  }
}
