package dev.sparkeval.spark.sql;

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
 * the {@link RowFold} instead, which names it exactly as the row path does. Anything else is read
 * row by row through the batch's row view.
 */
final class ColumnFold {
  private final RowFold rows;
  private final Role[] roles;
  private final int[] ordinals;  // batch column of each argument; null when not every argument is a double column
  private final RowRule rule;
  private final Example example = new Example();

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
    StatSet stats = s.stats();
    Example e = example;
    for (int r = 0; r < n; r++) {
      if (!read(v, r, e, nulls) || rule.check(e) != null) {
        rows.add(s, b.getRow(r));
        continue;
      }
      s.countRow();
      stats.add(e);
    }
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
