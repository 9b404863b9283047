package dev.sparkeval.core;

import java.util.Arrays;

/**
 * An open-addressing table of one query's item ids (as long bits) with two flag bits each, for
 * the row rule of MLlib's array layout. Reused from query to query: an entry is live when it
 * carries the current query's stamp, so emptying the table costs nothing per query.
 */
public final class IdTable {
  private long[] keys = new long[64];
  private int[] marks = new int[64]; // stamp << 2 | flags
  private int stamp;
  private int mask;
  private int shift;

  /** Empties the table for up to n ids (kept at most half full). */
  public void clear(int n) {
    int c = Math.max(64, Integer.highestOneBit(Math.max(1, 2 * n)) << 1);
    if (keys.length < c) {
      keys = new long[c];
      marks = new int[c];
      stamp = 0;
    }
    if (++stamp == 1 << 29) { // stamps must fit beside the flags: restart them after a full clear
      Arrays.fill(marks, 0);
      stamp = 1;
    }
    mask = c - 1;
    shift = Long.numberOfLeadingZeros(mask);
  }

  /**
   * The slot of id k: where it is, or the free slot where it would go. The slot is the top bits of
   * a product (Fibonacci hashing) of k with its high half folded in: ids are double bits, whose
   * low bits are all zero for whole numbers, so the low bits of any product would be too.
   */
  public int slot(long k) {
    long h = (k ^ (k >>> 32)) * 0x9E3779B97F4A7C15L;
    int i = (int) (h >>> shift);
    while ((marks[i] >>> 2) == stamp && keys[i] != k) i = (i + 1) & mask;
    return i;
  }

  /** The flags of slot i, 0 when it is free. */
  public int flags(int i) {
    int m = marks[i];
    return (m >>> 2) == stamp ? m & 3 : 0;
  }

  /** Puts id k with these flags (1 to 3) in slot i. */
  public void put(int i, long k, int flags) {
    keys[i] = k;
    marks[i] = stamp << 2 | flags;
  }
}
