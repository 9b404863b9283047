package dev.sparkeval.spark.eval;

import dev.sparkeval.state.OrderKeys;
import dev.sparkeval.state.OrderLayout;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * The scan of a drift job: per slice (of both tables) and drift column, the {@link OrderLayout} of
 * the values (positive side = current), each side's rows, missing values, least and greatest value;
 * rows whose weight is null, NaN, infinite or negative are counted per side and left out.
 */
final class DriftLayouts implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One column in one slice. */
  static final class Cell implements Serializable {
    private static final long serialVersionUID = 1L;
    final OrderLayout layout = new OrderLayout();
    final long[] rows = new long[2];
    final long[] missing = new long[2];
    final double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    final double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};

    void add(int side, double v, double w) {
      if (!Double.isFinite(v)) {
        missing[side]++;
        return;
      }
      v += 0.0; // -0.0 sorts with 0.0
      layout.add(OrderKeys.ascending(v), side == DriftInput.CURRENT, w);
      rows[side]++;
      min[side] = Math.min(min[side], v);
      max[side] = Math.max(max[side], v);
    }

    void merge(Cell o) {
      layout.merge(o.layout);
      for (int s = 0; s < 2; s++) {
        rows[s] += o.rows[s];
        missing[s] += o.missing[s];
        min[s] = Math.min(min[s], o.min[s]);
        max[s] = Math.max(max[s], o.max[s]);
      }
    }
  }

  final int columns;
  final int maxSlices;
  final Map<List<String>, Cell[]> slices = new HashMap<>();
  final long[] badWeights = new long[2];
  final String[] firstBad = new String[2];
  boolean overflow;

  DriftLayouts(int columns, int maxSlices) {
    this.columns = columns;
    this.maxSlices = maxSlices;
  }

  /** The scan: every partition folds its rows, the partials merge on the driver. */
  static DriftLayouts scan(Dataset<Row> union, int sliceCount, int columns, int maxSlices) {
    JavaRDD<InternalRow> rows = union.queryExecution().toRdd().toJavaRDD();
    RowReader keys = new RowReader(List.of(), List.of(), sliceCount);
    DriftLayouts zero = new DriftLayouts(columns, maxSlices);
    if (rows.getNumPartitions() == 0) return zero;
    return rows.mapPartitions(it -> {
      DriftLayouts p = new DriftLayouts(columns, maxSlices);
      while (it.hasNext() && !p.overflow) p.add(it.next(), keys, sliceCount);
      return List.of(p).iterator();
    }).reduce(DriftLayouts::merge);
  }

  /** The weight of a projected row, or NaN when it is not usable. */
  static double weight(InternalRow row, int sliceCount) {
    if (row.isNullAt(sliceCount + 1)) return Double.NaN;
    double w = row.getDouble(sliceCount + 1);
    return Double.isFinite(w) && w >= 0 ? w : Double.NaN;
  }

  /** The value of drift column c of a projected row; NaN when null. */
  static double value(InternalRow row, int sliceCount, int c) {
    int i = sliceCount + 2 + c;
    return row.isNullAt(i) ? Double.NaN : row.getDouble(i);
  }

  private void add(InternalRow row, RowReader keys, int sliceCount) {
    int side = row.getInt(sliceCount);
    double w = weight(row, sliceCount);
    if (Double.isNaN(w)) {
      if (badWeights[side]++ == 0) firstBad[side] = row.isNullAt(sliceCount + 1) ? "null" : String.valueOf(row.getDouble(sliceCount + 1));
      return;
    }
    Cell[] cells = cells(keys.sliced() ? keys.sliceKey(row) : List.of());
    if (cells == null) return;
    for (int c = 0; c < columns; c++) cells[c].add(side, value(row, sliceCount, c), w);
  }

  private Cell[] cells(List<String> key) {
    Cell[] cells = slices.get(key);
    if (cells == null) {
      if (slices.size() >= maxSlices) {
        overflow = true;
        return null;
      }
      cells = new Cell[columns];
      for (int c = 0; c < columns; c++) cells[c] = new Cell();
      slices.put(key, cells);
    }
    return cells;
  }

  DriftLayouts merge(DriftLayouts o) {
    overflow |= o.overflow;
    for (int s = 0; s < 2; s++) {
      if (firstBad[s] == null) firstBad[s] = o.firstBad[s];
      badWeights[s] += o.badWeights[s];
    }
    for (Map.Entry<List<String>, Cell[]> e : o.slices.entrySet()) {
      Cell[] mine = slices.get(e.getKey());
      if (mine == null) slices.put(e.getKey(), e.getValue());
      else for (int c = 0; c < columns; c++) mine[c].merge(e.getValue()[c]);
    }
    if (slices.size() > maxSlices) overflow = true;
    return this;
  }

  /** Every slice merged: the whole tables. */
  Cell[] overall() {
    Cell[] all = new Cell[columns];
    for (int c = 0; c < columns; c++) all[c] = new Cell();
    for (Cell[] cells : slices.values()) for (int c = 0; c < columns; c++) all[c].merge(cells[c]);
    return all;
  }
}
