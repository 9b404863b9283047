package dev.sparkeval.spark.eval;

import dev.sparkeval.core.Batch;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Partial;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.StatSet;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Folds one partition a batch at a time: the caller fills the raw columns of up to
 * {@link #CAPACITY} rows (from Spark's column vectors or buffered from internal rows) and calls
 * {@link #take}. Rows are checked as {@link RowReader} and the task's rule check them one by one
 * (same bad-row reasons, same first bad row), but a batch without a bad row is checked in a few
 * loops and folded whole; rows of a sliced run are grouped by slice first. Scalar roles only.
 */
final class BatchFold {
  static final int CAPACITY = 4096;

  private final Partial partial;
  private final RowRule rule;
  private final long partition;
  private final Role[] roles;
  private final Batch batch = new Batch(CAPACITY);
  private final Batch group = new Batch(CAPACITY, batch.sums());
  /** Raw values of role j (reader order) in cols[j]; nulls[j][i] when row i holds NULL there. */
  final double[][] cols;
  final boolean[][] nulls;
  private final boolean[] hasNulls;
  /** The slice id of each row (sliced runs). */
  final int[] slice = new int[CAPACITY];
  final SliceIds ids;
  private final StatSet fixed, extra;
  private StatSet[] bySlice = new StatSet[16];
  private final int[] order = new int[CAPACITY];
  private int[] firstRow = new int[17];
  private long offset;
  private boolean stopped;

  BatchFold(Partial partial, RowReader reader, RowRule rule, long partition) {
    this.partial = partial;
    this.rule = rule;
    this.partition = partition;
    this.roles = reader.roles().toArray(new Role[0]);
    cols = new double[roles.length][CAPACITY];
    nulls = new boolean[roles.length][CAPACITY];
    hasNulls = new boolean[roles.length];
    ids = reader.sliced() ? new SliceIds(reader.sliceCount()) : null;
    fixed = reader.sliced() ? null : partial.slice(Partial.NO_SLICE);
    extra = partial.extra().isEmpty() ? null : partial.extra();
  }

  private int[] dictionarySlices = filled(64);

  /** Slice ids by dictionary id of the current batch's string vector (-1: not looked up yet); kept all -1 between batches. */
  int[] dictionarySlices() {
    return dictionarySlices;
  }

  int[] growDictionarySlices(int id) {
    int[] grown = filled(Math.max(id + 1, 2 * dictionarySlices.length));
    System.arraycopy(dictionarySlices, 0, grown, 0, dictionarySlices.length);
    return dictionarySlices = grown;
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }

  /** True once a slice beyond the limit was met: the run fails, so reading can stop. */
  boolean stopped() {
    return stopped;
  }

  void markNull(int column, int row) {
    nulls[column][row] = true;
    hasNulls[column] = true;
  }

  /** Reads internal rows (role columns as double, then the slice columns as strings) a batch at a time. */
  void readRows(Iterator<InternalRow> it, int sliceCount) {
    UTF8String[] values = new UTF8String[sliceCount];
    int roleCount = roles.length;
    while (it.hasNext() && !stopped) {
      int n = 0;
      while (n < CAPACITY && it.hasNext()) {
        InternalRow row = it.next();
        for (int j = 0; j < roleCount; j++) {
          if (row.isNullAt(j)) markNull(j, n);
          else cols[j][n] = row.getDouble(j);
        }
        if (sliceCount == 1) {
          slice[n] = ids.id(row.isNullAt(roleCount) ? null : row.getUTF8String(roleCount));
        } else if (sliceCount > 1) {
          for (int k = 0; k < sliceCount; k++) values[k] = row.isNullAt(roleCount + k) ? null : row.getUTF8String(roleCount + k);
          slice[n] = ids.id(values);
        }
        n++;
      }
      take(n);
    }
  }

  /** Checks and folds rows [0, n) of the raw columns (and slice ids). */
  void take(int n) {
    if (n == 0 || stopped) return;
    partial.countRows(n);
    bind(n);
    int good = n;
    if (anyNull() || !finite(n) || !rule.check(batch)) good = checkRows(n);
    for (int j = 0; j < roles.length; j++) {
      if (hasNulls[j]) Arrays.fill(nulls[j], 0, n, false);
      hasNulls[j] = false;
    }
    offset += n;
    batch.size = good;
    if (good == 0) return;
    if (ids == null) fixed.add(batch);
    else bySlice(good);
    if (extra != null) extra.add(batch);
  }

  private void bind(int n) {
    batch.size = n;
    batch.label = column(Role.LABEL);
    batch.prediction = column(Role.PREDICTION);
    batch.weight = column(Role.WEIGHT);
    batch.target = column(Role.TARGET);
  }

  private double[] column(Role r) {
    for (int j = 0; j < roles.length; j++) if (roles[j] == r) return cols[j];
    return null;
  }

  private boolean anyNull() {
    for (boolean b : hasNulls) if (b) return true;
    return false;
  }

  /** Every value finite and every weight >= 0 (what RowReader accepts). */
  private boolean finite(int n) {
    boolean ok = true;
    for (int j = 0; j < roles.length; j++) {
      double[] c = cols[j];
      for (int i = 0; i < n; i++) ok &= Math.abs(c[i]) <= Double.MAX_VALUE;
      if (roles[j] == Role.WEIGHT) for (int i = 0; i < n; i++) ok &= c[i] >= 0;
    }
    return ok;
  }

  /**
   * Row by row, as the row path does: the first failing check in column order, then the rule;
   * bad rows are counted and the good ones (as the rule normalised them) moved to the front.
   */
  private int checkRows(int n) {
    Example e = batch.example();
    double[] logits = rule.derivesLogit() ? batch.logitColumn() : null;
    int k = 0;
    for (int i = 0; i < n; i++) {
      RowRule.Bad bad = null;
      for (int j = 0; j < roles.length && bad == null; j++) {
        bad = nulls[j][i] ? RowReader.nullValue(roles[j]) : RowReader.scalar(roles[j], cols[j][i]);
      }
      if (bad == null) {
        batch.fill(i, e);
        bad = rule.check(e);
      }
      if (bad != null) {
        partial.bad(partition, offset + i, bad);
        continue;
      }
      for (int j = 0; j < roles.length; j++) cols[j][k] = value(roles[j], e);
      if (logits != null) logits[k] = e.logit;
      slice[k] = slice[i];
      k++;
    }
    return k;
  }

  private static double value(Role r, Example e) {
    return switch (r) {
      case LABEL -> e.label;
      case PREDICTION -> e.prediction;
      case WEIGHT -> e.weight;
      case TARGET -> e.target;
      default -> throw new IllegalStateException(r + " is not a scalar role");
    };
  }

  /** Groups the good rows by slice (a counting sort) and folds each group into its slice's states. */
  private void bySlice(int n) {
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
      if (bySlice[s] == null) {
        stopped = true;
        return;
      }
    }
    if (firstRow[slice[0] + 1] == n) { // a run of one slice (sorted tables): no copy
      bySlice[slice[0]].add(batch);
      return;
    }
    for (int s = 0; s < slices; s++) firstRow[s + 1] += firstRow[s];
    int[] at = Arrays.copyOf(firstRow, slices);
    for (int i = 0; i < n; i++) order[at[slice[i]]++] = i;
    for (int s = 0; s < slices; s++) {
      int from = firstRow[s], to = firstRow[s + 1];
      if (to == from) continue;
      gather(from, to);
      bySlice[s].add(group);
    }
  }

  private void gather(int from, int to) {
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

  private final double[][] groupColumns = new double[4][];

  private double[] groupColumn(int which) {
    if (groupColumns[which] == null) groupColumns[which] = new double[CAPACITY];
    return groupColumns[which];
  }

  private double[] gatherInto(double[] src, int from, int to, double[] dst) {
    for (int k = from; k < to; k++) dst[k - from] = src[order[k]];
    return dst;
  }
}
