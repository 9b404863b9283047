package dev.sparkeval.spark.eval;

import dev.sparkeval.core.Batch;
import dev.sparkeval.core.ExactSumBuffer;
import dev.sparkeval.core.Partial;
import dev.sparkeval.core.StatSet;
import java.util.Arrays;

/**
 * The rows of a batch grouped by slice: each slice's rows are gathered into one dense batch and
 * folded into that slice's states (made on first sight, for slices with good rows only). A batch
 * of one slice (a table sorted by it) is folded as it is.
 */
final class SliceGroups {
  private final Batch group;
  private final int[] order;
  private final double[][] groupColumns = new double[4][];
  private StatSet[] bySlice = new StatSet[16];
  private int[] firstRow = new int[17];

  SliceGroups(int capacity, ExactSumBuffer sums) {
    group = new Batch(capacity, sums);
    order = new int[capacity];
  }

  /**
   * Groups rows [0, batch.size) by their slice id (a counting sort) and folds each group into
   * its slice's states; false when a slice beyond the limit was met (the run fails).
   */
  boolean fold(Batch batch, int[] slice, SliceIds ids, Partial partial) {
    int n = batch.size;
    int slices = 0;
    for (int i = 0; i < n; i++) slices = Math.max(slices, slice[i] + 1);
    if (firstRow.length < slices + 1) firstRow = new int[slices + 1];
    Arrays.fill(firstRow, 0, slices + 1, 0);
    for (int i = 0; i < n; i++) firstRow[slice[i] + 1]++;
    // States are made for slices with good rows only (a slice of bad rows alone does not exist).
    if (bySlice.length < slices) bySlice = Arrays.copyOf(bySlice, Math.max(slices, 2 * bySlice.length));
    for (int s = 0; s < slices; s++) {
      if (firstRow[s + 1] == 0 || bySlice[s] != null) continue;
      bySlice[s] = partial.slice(ids.key(s));
      if (bySlice[s] == null) return false;
    }
    if (firstRow[slice[0] + 1] == n) { // a run of one slice (sorted tables): no copy
      bySlice[slice[0]].add(batch);
      return true;
    }
    for (int s = 0; s < slices; s++) firstRow[s + 1] += firstRow[s];
    int[] at = Arrays.copyOf(firstRow, slices);
    for (int i = 0; i < n; i++) order[at[slice[i]]++] = i;
    for (int s = 0; s < slices; s++) {
      int from = firstRow[s], to = firstRow[s + 1];
      if (to == from) continue;
      gather(batch, from, to);
      bySlice[s].add(group);
    }
    return true;
  }

  private void gather(Batch batch, int from, int to) {
    group.size = to - from;
    group.label = gather(batch.label, from, to, 0);
    group.prediction = gather(batch.prediction, from, to, 1);
    group.weight = gather(batch.weight, from, to, 2);
    group.target = gather(batch.target, from, to, 3);
    group.logit = batch.logit == null ? null : gatherInto(batch.logit, from, to, group.logitColumn());
  }

  private double[] gather(double[] src, int from, int to, int which) {
    return src == null ? null : gatherInto(src, from, to, groupColumn(which));
  }

  private double[] groupColumn(int which) {
    if (groupColumns[which] == null) groupColumns[which] = new double[order.length];
    return groupColumns[which];
  }

  private double[] gatherInto(double[] src, int from, int to, double[] dst) {
    for (int k = from; k < to; k++) dst[k - from] = src[order[k]];
    return dst;
  }
}
