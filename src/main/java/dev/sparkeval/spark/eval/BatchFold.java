package dev.sparkeval.spark.eval;

import dev.sparkeval.core.Batch;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Partial;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.StatSet;
import java.util.Arrays;

/**
 * Folds one partition a batch at a time: the caller fills the raw columns of up to
 * {@link #CAPACITY} rows (from Spark's column vectors or buffered from internal rows) and calls
 * {@link #take}. Rows are checked as {@link RowReader} and the task's rule check them one by one
 * (same bad-row reasons, same first bad row), but a batch without a bad row is checked in a few
 * loops and folded whole; rows of a sliced run are grouped by slice first ({@link SliceGroups}).
 * Scalar roles only.
 */
final class BatchFold {
  static final int CAPACITY = 4096;

  private final Partial partial;
  private final RowRule rule;
  private final long partition;
  private final Role[] roles;
  private final Batch batch = new Batch(CAPACITY);
  /** Raw values of role j (reader order) in cols[j]; nulls[j][i] when row i holds NULL there. */
  final double[][] cols;
  final boolean[][] nulls;
  private final boolean[] hasNulls;
  /** The slice id of each row (sliced runs). */
  final int[] slice = new int[CAPACITY];
  final SliceIds ids;
  private final StatSet fixed, extra;
  private final SliceGroups groups;
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
    groups = reader.sliced() ? new SliceGroups(CAPACITY, batch.sums()) : null;
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
    if (good == 0 || stopped) return;
    if (ids == null) fixed.add(batch);
    else if (!groups.fold(batch, slice, ids, partial)) stopped = true;
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
    for (int j = 0; j < roles.length; j++) ok &= Batch.acceptable(cols[j], n, roles[j] == Role.WEIGHT);
    return ok;
  }

  /**
   * Row by row, as the row path does: the first failing check in column order, then the rule;
   * bad and ignored rows are counted and the good ones (as the rule normalised them) moved to the front.
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
      if (RowRule.ignored(bad)) { // --ignore-index: counted in its slice (as the row path), folded nowhere
        if (!partial.ignore(ids == null ? Partial.NO_SLICE : ids.key(slice[i]))) stopped = true;
        continue;
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
}
