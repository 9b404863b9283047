package dev.sparkeval.spark.eval;

import dev.sparkeval.core.Suggest;
import dev.sparkeval.core.UsageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * One side of a drift comparison, projected to what the drift job reads: the slice columns as
 * strings, the side (1 current, 0 reference), the weight (1 without a weight column) and each drift
 * column as a double. Both sides project to the same schema, so one union feeds both jobs.
 */
final class DriftInput {
  static final int CURRENT = 1;
  static final int REFERENCE = 0;

  private DriftInput() {}

  /**
   * The projected side. table names the side in messages ("the current table", "the --reference
   * table"); a vector column is read as its element 1 only where binaryScore allows it (a binary
   * task's 2-element probability, as the evaluation reads it).
   */
  static Dataset<Row> project(Dataset<Row> data, String table, int side, List<String> columns, String weight,
                              List<String> slices, String binaryScore) {
    List<Column> cols = new ArrayList<>();
    for (String s : slices) cols.add(functions.col(Binding.quote(field(data, table, s, "--slice").name())).cast(DataTypes.StringType));
    cols.add(functions.lit(side).as("side"));
    cols.add(weight == null ? functions.lit(1.0).as("weight")
        : functions.col(Binding.quote(field(data, table, weight, "--weight").name())).cast(DataTypes.DoubleType));
    for (String c : columns) {
      StructField f = field(data, table, c, "--drift");
      Column col = functions.col(Binding.quote(f.name()));
      DataType t = f.dataType();
      if (t instanceof NumericType || t instanceof BooleanType) {
        cols.add(col.cast(DataTypes.DoubleType));
      } else if (isVector(t) && f.name().equalsIgnoreCase(binaryScore == null ? "" : binaryScore)) {
        Column array = t instanceof ArrayType ? col : org.apache.spark.ml.functions.vector_to_array(col, "float64");
        cols.add(functions.try_element_at(array, functions.lit(2)).cast(DataTypes.DoubleType));
      } else {
        throw new UsageException("--drift column '" + f.name() + "' of " + table + " has type " + t.simpleString()
            + "; drift compares numeric columns (a binary task's 2-element probability vector counts as its element 1)");
      }
    }
    return data.select(cols.toArray(new Column[0]));
  }

  private static boolean isVector(DataType t) {
    return t.equals(SQLDataTypes.VectorType()) || (t instanceof ArrayType a && a.elementType() instanceof NumericType);
  }

  private static StructField field(Dataset<Row> data, String table, String name, String option) {
    for (StructField f : data.schema().fields()) if (f.name().equals(name)) return f;
    for (StructField f : data.schema().fields()) if (f.name().equalsIgnoreCase(name)) return f;
    List<String> names = Arrays.asList(data.schema().fieldNames());
    throw new UsageException(table + " has no column '" + name + "' (" + option + ")" + Suggest.hint(name, names)
        + "; its columns are: " + String.join(", ", names));
  }
}
