package dev.sparkeval.spark.sql;

import dev.sparkeval.core.Batch;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.spark.eval.RowReader;
import java.util.List;
import org.apache.spark.sql.catalyst.expressions.BoundReference;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Folds a column batch into one state: when every column argument is a plain double column of
 * the batch and the task is fixed, the values are read straight from the column vectors; a row
 * with a null, a non-finite value, a negative weight or a fault the task's rule finds goes through
 * the {@link RowFold} instead, which names it exactly as the row path does. Without nulls, up to
 * {@link #CAPACITY} rows at a time are copied into a {@link Batch} and, when every value is finite
 * and the rule accepts the whole batch, folded by the states' batch loops (the evaluate command's
 * columnar pass: the same bits). Anything else is read row by row through the batch's row view.
 */
final class ColumnFold {
  private final RowFold rows;
  private final Role[] roles;
  private final int[] ordinals;  // batch column of each argument; null when not every argument is a double column
  private final RowRule rule;
  private static final int CAPACITY = 4096;
  private final Example example = new Example();
  private Batch batch;            // made at the first batch; label, prediction, weight, target columns below
  private double[][] columns;

  ColumnFold(Fusion fusion, List<Expression> inputs, RowFold rows) {
    this.rows = rows;
    this.roles = fusion.roles.toArray(new Role[0]);
    int[] ords = new int[inputs.size()];
    boolean direct = fusion.options.size() == 1;
    for (int i = 0; i < ords.length && direct; i++) {
      direct = inputs.get(i) instanceof BoundReference b && b.dataType().equals(DataTypes.DoubleType)
          && fusion.kinds.get(i) == RowReader.Kind.SCALAR;
      if (direct) ords[i] = ((BoundReference) inputs.get(i)).ordinal();
    }
    this.ordinals = direct ? ords : null;
    this.rule = direct ? fusion.plan(0).rule() : null;
  }

  void add(SqlState s, ColumnarBatch b) {
    int n = b.numRows();
    if (ordinals == null) {
      for (int r = 0; r < n; r++) rows.add(s, b.getRow(r));
      return;
    }
    ColumnVector[] v = new ColumnVector[ordinals.length];
    boolean nulls = false;
    for (int i = 0; i < v.length; i++) {
      v[i] = b.column(ordinals[i]);
      nulls |= v[i].hasNull();
    }
    if (nulls) {
      fold(s, b, v, 0, n, true);
      return;
    }
    for (int from = 0; from < n; from += CAPACITY) {
      int to = Math.min(n, from + CAPACITY);
      if (!foldBatch(s, v, from, to)) fold(s, b, v, from, to, false);
    }
  }

  /** Rows [from, to) one by one. */
  private void fold(SqlState s, ColumnarBatch b, ColumnVector[] v, int from, int to, boolean nulls) {
    StatSet stats = s.stats();
    Example e = example;
    for (int r = from; r < to; r++) {
      if (!read(v, r, e, nulls) || rule.check(e) != null) {
        rows.add(s, b.getRow(r));
        continue;
      }
      s.countRow();
      stats.add(e);
    }
  }

  /** Rows [from, to) as one batch when all are good; false, with nothing folded, when some row may be bad. */
  private boolean foldBatch(SqlState s, ColumnVector[] v, int from, int to) {
    if (batch == null) batch = new Batch(CAPACITY);
    Batch bt = batch;
    int n = to - from;
    bt.size = n;
    bt.label = bt.prediction = bt.weight = bt.target = bt.logit = null;
    boolean ok = true;
    for (int i = 0; i < v.length; i++) {
      double[] c = column(bt, roles[i]);
      if (c == null) return false;
      for (int r = 0; r < n; r++) c[r] = v[i].getDouble(from + r);
      ok &= Batch.acceptable(c, n, roles[i] == Role.WEIGHT);
    }
    if (!ok || !rule.check(bt)) return false;
    s.countRows(n);
    s.stats().add(bt);
    return true;
  }

  /** The batch column of a scalar role (its own array, kept between batches); null for any other role. */
  private double[] column(Batch bt, Role r) {
    if (columns == null) columns = new double[4][CAPACITY];
    double[] c;
    switch (r) {
      case LABEL -> bt.label = c = columns[0];
      case PREDICTION -> bt.prediction = c = columns[1];
      case WEIGHT -> bt.weight = c = columns[2];
      case TARGET -> bt.target = c = columns[3];
      default -> c = null;
    }
    return c;
  }

  /** Fills the example from row r; false when a value is null, not finite, or a negative weight. */
  private boolean read(ColumnVector[] v, int r, Example e, boolean nulls) {
    e.weight = 1.0;
    for (int i = 0; i < v.length; i++) {
      if (nulls && v[i].isNullAt(r)) return false;
      double x = v[i].getDouble(r);
      if (!Double.isFinite(x)) return false;
      switch (roles[i]) {
        case LABEL -> e.label = x;
        case PREDICTION -> e.prediction = x;
        case WEIGHT -> {
          if (x < 0) return false;
          e.weight = x;
        }
        case TARGET -> e.target = x;
        default -> {
          return false;
        }
      }
    }
    return true;
  }
}
