package dev.sparkeval.state;

import dev.sparkeval.core.Batch;

/**
 * A batch's rows grouped by bin with a counting sort, so that per-bin exact sums take each bin's
 * values as one run of bulk adds ({@link dev.sparkeval.core.ExactSumBuffer}) instead of one
 * small-sum add per row.
 */
final class BinRuns {
  private BinRuns() {}

  /**
   * Groups a binary batch's rows by the equal-width bin of their prediction ({@link EceStat#bin}):
   * label, prediction and weight (when the batch has one) are copied to the batch's scratch 0, 1
   * and 2 in bin order. Returns where each bin's run starts (bins + 1 entries).
   */
  static int[] byScore(Batch b, int bins) {
    int n = b.size;
    int[] bin = b.ints(0);
    EceStat.bins(b.prediction, n, bins, bin);
    int[] start = starts(bin, n, bins);
    gather(bin, n, start, b.label, b.scratch(0), b.prediction, b.scratch(1), b.weight, b.weight == null ? null : b.scratch(2));
    return start;
  }

  /** Where each bin's run starts once rows [0, n) are grouped by bin[i] in [0, bins); start[bins] is n. */
  private static int[] starts(int[] bin, int n, int bins) {
    int[] start = new int[bins + 1];
    for (int i = 0; i < n; i++) start[bin[i] + 1]++;
    for (int k = 0; k < bins; k++) start[k + 1] += start[k];
    return start;
  }

  /**
   * Copies a[0..n) into outA and b[0..n) into outB, grouped by bin (row order kept within a bin),
   * with runs at {@code start}; c and outC too unless c is null.
   */
  private static void gather(int[] bin, int n, int[] start, double[] a, double[] outA, double[] b, double[] outB, double[] c, double[] outC) {
    int[] at = java.util.Arrays.copyOf(start, start.length - 1);
    for (int i = 0; i < n; i++) {
      int to = at[bin[i]]++;
      outA[to] = a[i];
      outB[to] = b[i];
      if (c != null) outC[to] = c[i];
    }
  }
}
