package dev.sparkeval.spark.train;

import dev.sparkeval.core.UsageException;
import dev.sparkeval.spark.eval.Binding;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
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
 * The model's inputs: a list of numeric columns, or one vector column (a Spark ML vector or an
 * array of numbers). Without --features: a vector column named "features" if there is one, else
 * every numeric column but the label.
 */
public record FeatureColumns(List<String> columns, String vectorColumn) implements Serializable {

  public static FeatureColumns resolve(Dataset<Row> table, List<String> given, String label) {
    if (given == null || given.isEmpty()) {
      for (StructField f : table.schema().fields()) {
        if (f.name().equals("features") && isVector(f.dataType())) return new FeatureColumns(null, f.name());
      }
      List<String> cols = new ArrayList<>();
      for (StructField f : table.schema().fields()) {
        if (!f.name().equalsIgnoreCase(label) && isScalar(f.dataType())) cols.add(f.name());
      }
      if (cols.isEmpty()) throw new UsageException("the table has no numeric feature columns besides the label; name them with --features");
      return new FeatureColumns(cols, null);
    }
    if (given.size() == 1) {
      StructField f = Binding.field(table, given.get(0), "--features");
      if (isVector(f.dataType())) return new FeatureColumns(null, f.name());
    }
    List<String> cols = new ArrayList<>();
    for (String c : given) {
      StructField f = Binding.field(table, c, "--features");
      if (!isScalar(f.dataType())) {
        throw new UsageException("--features column '" + c + "' has type " + f.dataType().simpleString()
            + "; expected numeric columns, or a single vector column");
      }
      if (f.name().equalsIgnoreCase(label)) throw new UsageException("--features includes the label column '" + c + "'");
      cols.add(f.name());
    }
    return new FeatureColumns(cols, null);
  }

  static boolean isScalar(DataType t) {
    return t instanceof NumericType || t instanceof BooleanType;
  }

  static boolean isVector(DataType t) {
    return t.equals(SQLDataTypes.VectorType()) || (t instanceof ArrayType a && a.elementType() instanceof NumericType);
  }

  /** Feature columns first (scalars as double, arrays as array of double), then the extra columns as double. */
  public Dataset<Row> project(Dataset<Row> table, List<String> extra) {
    List<Column> cols = new ArrayList<>();
    if (vectorColumn != null) {
      StructField f = Binding.field(table, vectorColumn, "--features");
      Column c = functions.col(Binding.quote(vectorColumn));
      cols.add(f.dataType() instanceof ArrayType ? c.cast(DataTypes.createArrayType(DataTypes.DoubleType)) : c);
    } else {
      for (String s : columns) cols.add(functions.col(Binding.quote(s)).cast(DataTypes.DoubleType));
    }
    for (String s : extra) cols.add(functions.col(Binding.quote(s)).cast(DataTypes.DoubleType));
    return table.select(cols.toArray(new Column[0]));
  }

  /** Number of feature columns before the extras in a projected row. */
  public int width() {
    return vectorColumn != null ? 1 : columns.size();
  }

  /** Reads the features of a projected row into x (length d); returns a reason when one is null or not finite. */
  public String read(Row row, double[] x) {
    if (vectorColumn != null) {
      if (row.isNullAt(0)) return "the features vector is null";
      Object o = row.get(0);
      int n;
      if (o instanceof Vector v) {
        n = v.size();
        if (n != x.length) return "the features vector has " + n + " elements, expected " + x.length;
        for (int j = 0; j < n; j++) x[j] = v.apply(j);
      } else {
        List<Object> l = row.getList(0);
        n = l.size();
        if (n != x.length) return "the features array has " + n + " elements, expected " + x.length;
        for (int j = 0; j < n; j++) x[j] = l.get(j) == null ? Double.NaN : ((Number) l.get(j)).doubleValue();
      }
      for (int j = 0; j < n; j++) if (!Double.isFinite(x[j])) return "feature " + j + " is " + x[j];
      return null;
    }
    for (int j = 0; j < x.length; j++) {
      if (row.isNullAt(j)) return "feature '" + columns.get(j) + "' is null";
      x[j] = row.getDouble(j);
      if (!Double.isFinite(x[j])) return "feature '" + columns.get(j) + "' is " + x[j];
    }
    return null;
  }

  /** Number of features: the column count, or the size of the first vector. */
  public int dimension(Dataset<Row> projected) {
    if (vectorColumn == null) return columns.size();
    Row first = projected.filter(functions.col(projected.columns()[0]).isNotNull()).first();
    Object o = first.get(0);
    return o instanceof Vector v ? v.size() : first.getList(0).size();
  }
}
