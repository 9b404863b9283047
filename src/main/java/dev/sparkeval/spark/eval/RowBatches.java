package dev.sparkeval.spark.eval;

import java.util.Iterator;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/** Buffers internal rows into the columns of a {@link BatchFold}: the batch pass over plans that produce rows. */
final class RowBatches {
  private RowBatches() {}

  /** Reads internal rows (role columns as double, then the slice columns as strings) into f a batch at a time. */
  static void read(Iterator<InternalRow> it, int roleCount, int sliceCount, BatchFold f) {
    UTF8String[] values = new UTF8String[sliceCount];
    while (it.hasNext() && !f.stopped()) {
      int n = 0;
      while (n < BatchFold.CAPACITY && it.hasNext()) {
        InternalRow row = it.next();
        for (int j = 0; j < roleCount; j++) {
          if (row.isNullAt(j)) f.markNull(j, n);
          else f.cols[j][n] = row.getDouble(j);
        }
        if (sliceCount == 1) {
          f.slice[n] = f.ids.id(row.isNullAt(roleCount) ? null : row.getUTF8String(roleCount));
        } else if (sliceCount > 1) {
          for (int k = 0; k < sliceCount; k++) values[k] = row.isNullAt(roleCount + k) ? null : row.getUTF8String(roleCount + k);
          f.slice[n] = f.ids.id(values);
        }
        n++;
      }
      f.take(n);
    }
  }
}
