package dev.sparkeval.core;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact, mergeable sum of doubles (a small superaccumulator after Radford Neal's xsum, 2015).
 *
 * <p>Every finite double is m * 2^(e-1075) with an integer mantissa m and biased exponent e, so
 * the exact sum of any set of doubles is an integer multiple of 2^-1075. That integer is kept in
 * 67 signed 64-bit chunks of 32 bits each; chunks absorb up to 1023 adds before carries must be
 * propagated. The result is therefore independent of the order of adds and merges, and
 * {@link #value()} is the correctly rounded (round-half-even) double of the exact sum.
 */
public final class ExactSum implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int CHUNKS = 67;
  private static final int CARRY_EVERY = 1023;
  private static final long LOW32 = 0xFFFFFFFFL;
  private static final BigInteger FIVE_1075 = BigInteger.valueOf(5).pow(1075);

  private long[] chunk;        // allocated on first add: most states in a sliced run stay small
  private int pending;         // adds since carries were last propagated
  private int posInf, negInf;  // infinities cannot be represented in the chunks
  private boolean nan;

  public void add(double x) {
    long bits = Double.doubleToRawLongBits(x);
    int e = (int) (bits >>> 52) & 0x7FF;
    long m = bits & 0xFFFFFFFFFFFFFL;
    if (e == 0x7FF) {
      special(x);
      return;
    }
    if (e == 0) {
      if (m == 0) return;
      e = 1; // subnormal: same scale as the smallest normal, no implicit bit
    } else {
      m |= 1L << 52;
    }
    if (chunk == null) chunk = new long[CHUNKS];
    if (pending >= CARRY_EVERY) carry();
    int i = e >>> 5;
    int s = e & 31;
    long neg = bits >> 63; // 0 or -1: (v ^ neg) - neg negates without a branch
    chunk[i] += (((m << s) & LOW32) ^ neg) - neg;
    chunk[i + 1] += ((m >>> (32 - s)) ^ neg) - neg;
    pending++;
  }

  /**
   * Adds sign * m * 2^(e - 1075) for 0 <= m < 2^63 and 1 <= e <= 2046: one entry of the large
   * accumulator ({@link ExactSumBuffer}) folded in, three chunks of 32 bits at most.
   */
  void addScaled(long m, int e, boolean negative) {
    if (m == 0) return;
    if (chunk == null) chunk = new long[CHUNKS];
    if (pending >= CARRY_EVERY) carry();
    int i = e >>> 5;
    int s = e & 31;
    long low = m << s;
    long high = s == 0 ? 0 : m >>> (64 - s);
    long sign = negative ? -1 : 0;
    chunk[i] += ((low & LOW32) ^ sign) - sign;
    chunk[i + 1] += ((low >>> 32) ^ sign) - sign;
    chunk[i + 2] += (high ^ sign) - sign;
    pending++;
  }

  /** Adds a*b exactly: the rounded product and its rounding error (Math.fma gives it exactly). */
  public void addProduct(double a, double b) {
    double p = a * b;
    add(p);
    if (Double.isFinite(p)) add(Math.fma(a, b, -p));
  }

  /** Adds a*b*c exactly, as four exact partial products. */
  public void addProduct(double a, double b, double c) {
    double p = a * b;
    if (!Double.isFinite(p)) {
      add(p * c);
      return;
    }
    double err = Math.fma(a, b, -p);
    addProduct(p, c);
    if (err != 0) addProduct(err, c);
  }

  private void special(double x) {
    if (Double.isNaN(x)) nan = true;
    else if (x > 0) posInf++;
    else negInf++;
  }

  /** Brings every chunk but the top one into [0, 2^32), so that it can take adds again. */
  private void carry() {
    if (chunk == null) return;
    long c = 0;
    for (int i = 0; i < CHUNKS - 1; i++) {
      long v = chunk[i] + c;
      chunk[i] = v & LOW32;
      c = v >> 32; // arithmetic shift: floor division, so the remainder above is in range
    }
    chunk[CHUNKS - 1] += c;
    pending = 0;
  }

  public void merge(ExactSum other) {
    nan |= other.nan;
    posInf += other.posInf;
    negInf += other.negInf;
    if (other.chunk == null) return;
    if (chunk == null) chunk = new long[CHUNKS];
    carry();
    long[] o = other.chunk.clone();
    long c = 0;
    for (int i = 0; i < CHUNKS - 1; i++) { // normalise the copy the same way before adding
      long v = o[i] + c;
      o[i] = v & LOW32;
      c = v >> 32;
    }
    o[CHUNKS - 1] += c;
    for (int i = 0; i < CHUNKS; i++) chunk[i] += o[i];
    pending = 2; // every chunk now holds at most two normalised values
  }

  /** The exact sum as an integer count of 2^-1075; only for finite sums. */
  private BigInteger scaled() {
    if (chunk == null) return BigInteger.ZERO;
    carry();
    BigInteger n = BigInteger.valueOf(chunk[CHUNKS - 1]);
    for (int i = CHUNKS - 2; i >= 0; i--) {
      n = n.shiftLeft(32).add(BigInteger.valueOf(chunk[i]));
    }
    return n;
  }

  private Double special() {
    if (nan || (posInf > 0 && negInf > 0)) return Double.NaN;
    if (posInf > 0) return Double.POSITIVE_INFINITY;
    if (negInf > 0) return Double.NEGATIVE_INFINITY;
    return null;
  }

  /** The correctly rounded sum. */
  public double value() {
    Double s = special();
    if (s != null) return s;
    return round(scaled());
  }

  /** The exact sum as a BigDecimal (for finishing formulas that cancel); NaN and infinities are not representable. */
  public BigDecimal exact() {
    if (special() != null) throw new ArithmeticException("sum is not finite: " + value());
    return new BigDecimal(scaled().multiply(FIVE_1075), 1075); // n * 2^-1075 == n * 5^1075 * 10^-1075
  }

  public boolean isFinite() {
    return special() == null;
  }

  /** Rounds n * 2^-1075 to the nearest double, ties to even. */
  static double round(BigInteger n) {
    int sign = n.signum();
    if (sign == 0) return 0.0;
    n = n.abs();
    int bits = n.bitLength();
    int shift = Math.max(bits - 53, 1); // a subnormal's ulp is 2^-1074, two units here
    BigInteger q = n.shiftRight(shift);
    BigInteger rem = n.subtract(q.shiftLeft(shift));
    int cmp = rem.compareTo(BigInteger.ONE.shiftLeft(shift - 1));
    if (cmp > 0 || (cmp == 0 && q.testBit(0))) q = q.add(BigInteger.ONE);
    double r = Math.scalb((double) q.longValueExact(), shift - 1075);
    return sign < 0 ? -r : r;
  }

  /** Rounds an exact decimal to the nearest double (BigDecimal.doubleValue is correctly rounded on Java 17). */
  public static double toDouble(BigDecimal d) {
    return d.doubleValue();
  }
}
