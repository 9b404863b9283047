package dev.sparkeval.state;

/**
 * Longs whose signed order is the order of doubles (after -0.0 was folded into 0.0; NaN never
 * occurs here: bad rows are gone). The sort job sorts these instead of the doubles, and the
 * layout bins them by their top bits.
 */
public final class OrderKeys {
  /** The key of 0.5 in probability layout keys: below it the plain key, above it the mirrored key of 1 - p. */
  private static final long HALF = ascending(0.5);

  private OrderKeys() {}

  public static long ascending(double x) {
    long b = Double.doubleToLongBits(x);
    return b ^ ((b >> 63) & 0x7fffffffffffffffL);
  }

  public static double fromAscending(long k) {
    return Double.longBitsToDouble(k ^ ((k >> 63) & 0x7fffffffffffffffL));
  }

  /** Signed order is x's descending order. */
  public static long descending(double x) {
    return ~ascending(x);
  }

  public static double fromDescending(long k) {
    return fromAscending(~k);
  }

  /**
   * A monotone key for probabilities that spreads values near 1 as finely as values near 0: the
   * key of p up to 0.5, and beyond it 2 key(0.5) - key(1 - p) (1 - p falls as p rises, so the key
   * still rises). Binning its top bits balances the sort job for scores crowded near 0 or 1.
   */
  public static long probability(double p) {
    return p <= 0.5 ? ascending(p) : 2 * HALF - ascending(1 - p);
  }
}
