package dev.sparkeval.spark.eval;

import java.io.Serializable;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Copies the bound columns of Spark's column batches into a {@link BatchFold}, converting numbers
 * to double as Spark's cast does (so the values equal the row path's), then folds them.
 */
final class VectorReader implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final DataType[] NUMERIC = {DataTypes.DoubleType, DataTypes.FloatType, DataTypes.IntegerType,
      DataTypes.LongType, DataTypes.ShortType, DataTypes.ByteType, DataTypes.BooleanType};
  private final int[] ordinals;
  private final int[] kinds; // index into NUMERIC per role column
  private final int roles;

  VectorReader(int[] ordinals, DataType[] types, int roles) {
    this.ordinals = ordinals;
    this.roles = roles;
    this.kinds = new int[roles];
    for (int j = 0; j < roles; j++) kinds[j] = kind(types[j]);
  }

  /** Types whose values a role column can be read as (decimals go through rows: their cast is Spark's own). */
  static boolean numeric(DataType t) {
    return kind(t) >= 0;
  }

  private static int kind(DataType t) {
    for (int k = 0; k < NUMERIC.length; k++) if (NUMERIC[k].equals(t)) return k;
    return -1;
  }

  void read(ColumnarBatch cb, BatchFold f) {
    int total = cb.numRows();
    UTF8String[] values = new UTF8String[ordinals.length - roles];
    for (int from = 0; from < total && !f.stopped(); from += BatchFold.CAPACITY) {
      int n = Math.min(BatchFold.CAPACITY, total - from);
      for (int j = 0; j < roles; j++) {
        ColumnVector v = cb.column(ordinals[j]);
        copy(v, kinds[j], from, n, f.cols[j]);
        if (v.hasNull()) for (int i = 0; i < n; i++) if (v.isNullAt(from + i)) f.markNull(j, i);
      }
      if (values.length == 1) {
        slices(cb.column(ordinals[roles]), from, n, f);
      } else if (values.length > 1) {
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < values.length; k++) {
            ColumnVector v = cb.column(ordinals[roles + k]);
            values[k] = v.isNullAt(from + i) ? null : v.getUTF8String(from + i);
          }
          f.slice[i] = f.ids.id(values);
        }
      }
      f.take(n);
    }
  }

  /**
   * The slice ids of one string column. A dictionary-encoded vector (parquet) is read by
   * dictionary id: each id of the batch is decoded and looked up once.
   */
  private static void slices(ColumnVector v, int from, int n, BatchFold f) {
    boolean nulls = v.hasNull();
    if (v instanceof WritableColumnVector w && w.hasDictionary()) {
      WritableColumnVector ids = w.getDictionaryIds();
      int[] known = f.dictionarySlices(); // -1 where not known yet
      int used = 0;
      for (int i = 0; i < n; i++) {
        int r = from + i;
        if (nulls && v.isNullAt(r)) {
          f.slice[i] = f.ids.id((UTF8String) null);
          continue;
        }
        int d = ids.getInt(r);
        if (d >= known.length) known = f.growDictionarySlices(d);
        if (known[d] < 0) {
          known[d] = f.ids.id(v.getUTF8String(r));
          used = Math.max(used, d + 1);
        }
        f.slice[i] = known[d];
      }
      java.util.Arrays.fill(known, 0, used, -1); // the next batch may have another dictionary
      return;
    }
    for (int i = 0; i < n; i++) f.slice[i] = f.ids.id(nulls && v.isNullAt(from + i) ? null : v.getUTF8String(from + i));
  }

  /** Values as double, the way Spark casts them ((double) for numbers, 1/0 for booleans). */
  private static void copy(ColumnVector v, int kind, int from, int n, double[] out) {
    switch (kind) {
      case 0 -> { for (int i = 0; i < n; i++) out[i] = v.getDouble(from + i); }
      case 1 -> { for (int i = 0; i < n; i++) out[i] = v.getFloat(from + i); }
      case 2 -> { for (int i = 0; i < n; i++) out[i] = v.getInt(from + i); }
      case 3 -> { for (int i = 0; i < n; i++) out[i] = v.getLong(from + i); }
      case 4 -> { for (int i = 0; i < n; i++) out[i] = v.getShort(from + i); }
      case 5 -> { for (int i = 0; i < n; i++) out[i] = v.getByte(from + i); }
      default -> { for (int i = 0; i < n; i++) out[i] = v.getBoolean(from + i) ? 1.0 : 0.0; }
    }
  }
}
