package dev.sparkeval.core;

import java.util.Arrays;

/**
 * The curves one query's metrics have walked, by key: a metric at k and the report's curve of
 * its family read the same walk instead of repeating it (values at k are prefixes, so a walk to
 * K serves every k <= K with the same bits). Keys are interned strings, compared by identity.
 * Buffers are reused from query to query.
 */
final class Curves {
  private String[] keys = new String[4];
  private int[] ks = new int[4];
  private double[][] values = new double[4][];
  private int n;

  void clear() {
    n = 0;
  }

  double[] find(String key, int K) {
    for (int i = 0; i < n; i++) if (ks[i] >= K && keys[i] == key) return values[i];
    return null;
  }

  double[] add(String key, int K) {
    int i = 0;
    while (i < n && keys[i] != key) i++; // a longer walk replaces a shorter one
    if (i == keys.length) {
      keys = Arrays.copyOf(keys, 2 * i);
      ks = Arrays.copyOf(ks, 2 * i);
      values = Arrays.copyOf(values, 2 * i);
    }
    if (values[i] == null || values[i].length < K) values[i] = new double[Math.max(16, K)];
    keys[i] = key;
    ks[i] = K;
    if (i == n) n++;
    return values[i];
  }
}
