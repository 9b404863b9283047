package dev.sparkeval.state;

/**
 * A batch's rows grouped by bin with a counting sort, so that per-bin exact sums take each bin's
 * values as one run of bulk adds ({@link dev.sparkeval.core.ExactSumBuffer}) instead of one
 * small-sum add per row.
 */
final class BinRuns {
  private BinRuns() {}

  /** Where each bin's run starts once rows [0, n) are grouped by bin[i] in [0, bins); start[bins] is n. */
  static int[] starts(int[] bin, int n, int bins) {
    int[] start = new int[bins + 1];
    for (int i = 0; i < n; i++) start[bin[i] + 1]++;
    for (int k = 0; k < bins; k++) start[k + 1] += start[k];
    return start;
  }

  /**
   * Copies a[0..n) into outA and b[0..n) into outB, grouped by bin (row order kept within a bin),
   * with runs at {@code start}; c and outC too unless c is null.
   */
  static void gather(int[] bin, int n, int[] start, double[] a, double[] outA, double[] b, double[] outB, double[] c, double[] outC) {
    int[] at = java.util.Arrays.copyOf(start, start.length - 1);
    for (int i = 0; i < n; i++) {
      int to = at[bin[i]]++;
      outA[to] = a[i];
      outB[to] = b[i];
      if (c != null) outC[to] = c[i];
    }
  }
}
