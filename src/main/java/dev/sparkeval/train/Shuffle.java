package dev.sparkeval.train;

import java.io.Serializable;

/**
 * A seeded random permutation of 0..n-1 that any row can evaluate on its own: a four-round
 * Feistel network over the smallest even-bit power-of-two domain that holds n, walked in
 * cycles until the image falls below n (at most four tries on average). No row ever needs to
 * know another row, so the shuffle of an epoch costs nothing but a function call per row.
 */
public final class Shuffle implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int ROUNDS = 4;
  private final long n;
  private final int half;
  private final long mask;
  private final long[] keys = new long[ROUNDS];

  /** The permutation for one (seed, stream): streams are epochs 1, 2, ... and 0 for the validation split. */
  public Shuffle(long seed, long stream, long n) {
    if (n < 1) throw new IllegalArgumentException("n must be >= 1");
    this.n = n;
    int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(n - 1));
    this.half = (bits + 1) / 2;
    this.mask = (1L << half) - 1;
    long k = mix(seed) ^ mix(stream + 0x632BE59BD9B4E019L);
    for (int r = 0; r < ROUNDS; r++) {
      k = mix(k + 0x9E3779B97F4A7C15L);
      keys[r] = k;
    }
  }

  /** Where index i (0 <= i < n) goes. */
  public long position(long i) {
    long x = i;
    do {
      x = encrypt(x);
    } while (x >= n);
    return x;
  }

  private long encrypt(long x) {
    long left = x >>> half;
    long right = x & mask;
    for (int r = 0; r < ROUNDS; r++) {
      long next = left ^ (mix(right ^ keys[r]) & mask);
      left = right;
      right = next;
    }
    return (left << half) | right;
  }

  /** SplitMix64's finaliser: a strong 64-bit mixer. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
