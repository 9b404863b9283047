package dev.sparkeval.spark.eval;

import dev.sparkeval.core.Role;
import dev.sparkeval.core.Suggest;
import dev.sparkeval.core.UsageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.Cast;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * Binds table columns to roles: checks that each exists and has a usable type, and projects
 * the table to exactly the columns the pass reads (scalars as double, arrays as array of
 * double, ML vectors as they are, slice columns as strings), in a fixed order.
 */
public final class Binding {
  private final Map<Role, String> columns;
  private final Map<Role, RowReader.Kind> kinds = new LinkedHashMap<>();
  private final List<String> slices;
  /** The ranking query column (the long layout), read after the slices; null without one. */
  private String query;
  private boolean queryIsLong;

  public Binding(Dataset<Row> table, Map<Role, String> columns, Map<Role, Role.Shape> shapes, List<String> slices) {
    this(table.schema(), table::isEmpty, columns, shapes, slices);
  }

  /** Binds the columns of a table of this schema; {@code empty} is asked only to explain a type that does not fit. */
  public Binding(StructType schema, BooleanSupplier empty, Map<Role, String> columns, Map<Role, Role.Shape> shapes,
                 List<String> slices) {
    this.columns = new LinkedHashMap<>();
    this.slices = new ArrayList<>();
    for (Map.Entry<Role, String> e : columns.entrySet()) {
      StructField f = field(schema, e.getValue(), e.getKey().option());
      if (e.getKey() == Role.QUERY) {
        bindQuery(f);
        continue;
      }
      this.columns.put(e.getKey(), f.name());
      try {
        kinds.put(e.getKey(), kindOf(f, e.getKey(), shapes.getOrDefault(e.getKey(), Role.Shape.SCALAR)));
      } catch (UsageException x) {
        // A CSV without rows infers every column as string: say what is really wrong.
        if (empty.getAsBoolean()) throw new UsageException("the input table has no rows; there is nothing to evaluate");
        throw x;
      }
    }
    for (String s : slices) {
      StructField f = field(schema, s, "--slice");
      if (!(f.dataType() instanceof NumericType || f.dataType() instanceof BooleanType
          || f.dataType().equals(DataTypes.StringType) || f.dataType().equals(DataTypes.DateType))) {
        throw new UsageException("--slice column '" + s + "' has type " + f.dataType().simpleString()
            + "; slices need a string, number, boolean or date column");
      }
      this.slices.add(f.name());
    }
  }

  /** Any column that can be grouped on: whole numbers are read as long, everything else as text. */
  private void bindQuery(StructField f) {
    DataType t = f.dataType();
    if (t instanceof ArrayType || t instanceof org.apache.spark.sql.types.MapType || t instanceof org.apache.spark.sql.types.StructType
        || t.equals(SQLDataTypes.VectorType())) {
      throw new UsageException("--query column '" + f.name() + "' has type " + t.simpleString()
          + "; a query id is a number, string or date");
    }
    query = f.name();
    queryIsLong = t instanceof org.apache.spark.sql.types.IntegralType;
  }

  public static StructField field(Dataset<Row> table, String name, String option) {
    return field(table.schema(), name, option);
  }

  public static StructField field(StructType schema, String name, String option) {
    List<String> names = Arrays.asList(schema.fieldNames());
    for (StructField f : schema.fields()) if (f.name().equals(name)) return f;
    for (StructField f : schema.fields()) if (f.name().equalsIgnoreCase(name)) return f;
    throw new UsageException(option + " column '" + name + "' is not in the table" + Suggest.hint(name, names)
        + "; the columns are: " + String.join(", ", names));
  }

  private static RowReader.Kind kindOf(StructField f, Role role, Role.Shape shape) {
    RowReader.Kind k = kindOf(f.dataType(), shape);
    if (k == null) {
      throw new UsageException(role.option() + " column '" + f.name() + "' has type " + f.dataType().simpleString()
          + "; expected " + expected(shape));
    }
    return k;
  }

  /** How a column of type {@code t} is read for a role of this shape, or null when the type does not fit. */
  public static RowReader.Kind kindOf(DataType t, Role.Shape shape) {
    boolean scalar = t instanceof NumericType || t instanceof BooleanType;
    boolean vector = t.equals(SQLDataTypes.VectorType())
        || (t instanceof ArrayType a && (a.elementType() instanceof NumericType));
    if (!scalar && !vector) return null;
    if (scalar && shape == Role.Shape.VECTOR) return null;
    if (vector && shape == Role.Shape.SCALAR) return null;
    if (scalar) return RowReader.Kind.SCALAR;
    return t instanceof ArrayType ? RowReader.Kind.ARRAY : RowReader.Kind.ML_VECTOR;
  }

  /** What a role of this shape accepts, for error messages. */
  public static String expected(Role.Shape shape) {
    return switch (shape) {
      case SCALAR -> "a number (int, long, float, double, decimal or boolean)";
      case VECTOR -> "a vector (a Spark ML vector or an array of numbers)";
      case EITHER -> "a number or a vector (a Spark ML vector or an array of numbers)";
    };
  }

  /** The table reduced to the bound columns, in reader order. */
  public Dataset<Row> project(Dataset<Row> table) {
    List<Column> cols = new ArrayList<>();
    for (Map.Entry<Role, String> e : columns.entrySet()) {
      Column c = functions.col(quote(e.getValue()));
      DataType t = readType(kinds.get(e.getKey()));
      cols.add(t == null ? c : c.cast(t));
    }
    for (String s : slices) cols.add(functions.col(quote(s)).cast(DataTypes.StringType));
    if (query != null) cols.add(functions.col(quote(query)).cast(queryIsLong ? DataTypes.LongType : DataTypes.StringType));
    return table.select(cols.toArray(new Column[0]));
  }

  /** The same projection as Catalyst expressions over a column lookup by name (SQL's sparkeval_evaluate). */
  public List<Expression> expressions(Function<String, Expression> column) {
    List<Expression> out = new ArrayList<>();
    for (Map.Entry<Role, String> e : columns.entrySet()) {
      Expression c = column.apply(e.getValue());
      DataType t = readType(kinds.get(e.getKey()));
      out.add(t == null ? c : new Cast(c, t, Option.empty()));
    }
    for (String s : slices) out.add(new Cast(column.apply(s), DataTypes.StringType, Option.empty()));
    return out;
  }

  /** What a column of this kind is read as: scalars as double, arrays as array of double, ML vectors as they are (null). */
  private static DataType readType(RowReader.Kind kind) {
    return switch (kind) {
      case SCALAR -> DataTypes.DoubleType;
      case ARRAY -> DataTypes.createArrayType(DataTypes.DoubleType);
      case ML_VECTOR -> null;
    };
  }

  public RowReader reader() {
    return new RowReader(new ArrayList<>(columns.keySet()), new ArrayList<>(kinds.values()), slices.size());
  }

  public Map<Role, String> columns() {
    return columns;
  }

  public List<String> slices() {
    return slices;
  }

  /** The query column (ranking's long layout), or null. */
  public String query() {
    return query;
  }

  /** Whether the query column is read as a long (whole numbers) rather than as text. */
  public boolean queryIsLong() {
    return queryIsLong;
  }

  public RowReader.Kind kind(Role r) {
    return kinds.get(r);
  }

  public static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
