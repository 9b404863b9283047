package dev.sparkeval.spark.sql;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.JoinedRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One task of {@link FusedPartialExec}: folds rows or column batches into one state per fused
 * aggregate and group, and emits (grouping values, state bytes...) rows. At most
 * {@link #MAX_GROUPS} groups are held at once; past that the held states are emitted and folding
 * starts afresh (the final aggregate merges a group's partial states wherever they come from), so
 * any number of groups fits in a bounded memory.
 */
final class PartialFold {
  static final int MAX_GROUPS = 1024;

  /** What the task folds: grouping keys and fused aggregates bound to the input, and the output types. */
  record Spec(List<Expression> keys, List<FusedAggregate> states, List<DataType> types) implements Serializable {}

  private final Spec spec;
  private final RowFold[] rows;
  private final ColumnFold[] columns;
  private final UnsafeProjection key;
  private final UnsafeProjection out;
  private final Map<UnsafeRow, SqlState[]> groups = new HashMap<>();
  private SqlState[] global;
  private final ArrayDeque<InternalRow> pending = new ArrayDeque<>();

  PartialFold(Spec spec) {
    this.spec = spec;
    int n = spec.states().size();
    rows = new RowFold[n];
    columns = new ColumnFold[n];
    for (int i = 0; i < n; i++) {
      FusedAggregate f = spec.states().get(i);
      rows[i] = new RowFold(f.fusion(), f.inputs());
      columns[i] = new ColumnFold(f.fusion(), f.inputs(), rows[i]);
    }
    key = spec.keys().isEmpty() ? null : UnsafeProjection.create(CollectionConverters.asScala(spec.keys()).toSeq());
    out = UnsafeProjection.create(spec.types().toArray(new DataType[0]));
    if (key == null) global = fresh();
  }

  private SqlState[] fresh() {
    SqlState[] s = new SqlState[rows.length];
    for (int i = 0; i < s.length; i++) s[i] = spec.states().get(i).fusion().fresh();
    return s;
  }

  Iterator<InternalRow> foldRows(Iterator<InternalRow> in) {
    return new Output<>(in, this::add);
  }

  Iterator<InternalRow> foldBatches(Iterator<ColumnarBatch> in) {
    return new Output<>(in, b -> {
      if (global != null) {
        for (int i = 0; i < columns.length; i++) columns[i].add(global[i], b);
      } else {
        for (int r = 0; r < b.numRows(); r++) add(b.getRow(r));
      }
    });
  }

  private void add(InternalRow row) {
    SqlState[] s = global;
    if (s == null) {
      UnsafeRow k = key.apply(row);
      s = groups.get(k);
      if (s == null) {
        if (groups.size() >= MAX_GROUPS) emitGroups();
        s = fresh();
        groups.put(k.copy(), s);
      }
    }
    for (int i = 0; i < rows.length; i++) rows[i].add(s[i], row);
  }

  private void emitGroups() {
    for (Map.Entry<UnsafeRow, SqlState[]> g : groups.entrySet()) pending.add(emit(g.getKey(), g.getValue()));
    groups.clear();
  }

  private InternalRow emit(InternalRow k, SqlState[] states) {
    Object[] bytes = new Object[states.length];
    for (int i = 0; i < states.length; i++) bytes[i] = StateBytes.write(states[i]);
    InternalRow values = new GenericInternalRow(bytes);
    return out.apply(k == null ? values : new JoinedRow(k, values)).copy();
  }

  private void finish() {
    if (global != null) pending.add(emit(null, global));
    else emitGroups();
  }

  /** Pulls input until some output is ready: the held groups when they reach the bound, everything at the end. */
  private final class Output<T> implements Iterator<InternalRow> {
    private final Iterator<T> in;
    private final java.util.function.Consumer<T> fold;
    private boolean done;

    Output(Iterator<T> in, java.util.function.Consumer<T> fold) {
      this.in = in;
      this.fold = fold;
    }

    @Override public boolean hasNext() {
      while (pending.isEmpty() && !done) {
        if (in.hasNext()) {
          fold.accept(in.next());
        } else {
          finish();
          done = true;
        }
      }
      return !pending.isEmpty();
    }

    @Override public InternalRow next() {
      if (!hasNext()) throw new java.util.NoSuchElementException();
      return pending.poll();
    }
  }
}
