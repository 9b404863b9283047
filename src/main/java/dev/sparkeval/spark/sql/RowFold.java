package dev.sparkeval.spark.sql;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.spark.eval.RowReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.Cast;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Folds input rows into a {@link SqlState} on an executor: one generated projection reads the
 * column arguments as evaluate's projection does (numbers as double, arrays as array of double, ML
 * vectors as they are), the evaluate command's {@link RowReader} and row rule check the row, and
 * the fused states take it (a row of the ignore_index label is left out, as evaluate leaves it out). One instance per task (projections are not thread-safe).
 */
final class RowFold {
  private final Fusion fusion;
  private final UnsafeProjection project;
  private final RowReader reader;
  private final RowRule[] rules;
  private final Example example = new Example();
  private final long partition;

  /** @param inputs the column arguments, bound to the rows that {@link #add} receives */
  RowFold(Fusion fusion, List<Expression> inputs) {
    this.fusion = fusion;
    List<Expression> read = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) read.add(asRead(inputs.get(i), fusion.kinds.get(i)));
    this.project = UnsafeProjection.create(CollectionConverters.asScala(read).toSeq());
    this.reader = new RowReader(fusion.roles, fusion.kinds, 0);
    this.rules = new RowRule[fusion.options.size()];
    for (int i = 0; i < rules.length; i++) rules[i] = fusion.plan(i).rule();
    TaskContext task = TaskContext.get();
    this.partition = task == null ? -1 : task.partitionId();
  }

  /** The expression read for a column argument: scalars as double, arrays as array of double, vectors as they are. */
  static Expression asRead(Expression a, RowReader.Kind kind) {
    DataType t = a.dataType();
    return switch (kind) {
      case SCALAR -> t.equals(DataTypes.DoubleType) ? a : new Cast(a, DataTypes.DoubleType, Option.empty());
      case ARRAY -> ((ArrayType) t).elementType().equals(DataTypes.DoubleType) ? a
          : new Cast(a, DataTypes.createArrayType(DataTypes.DoubleType), Option.empty());
      case ML_VECTOR -> a;
    };
  }

  void add(SqlState s, InternalRow input) {
    UnsafeRow row = project.apply(input);
    long position = s.countRow();
    Example e = example;
    e.weight = 1.0;
    RowRule.Bad bad = reader.read(row, e);
    if (bad == null) {
      if (s.candidate() < 0) {
        int width = e.predictionVec.length;
        int c = fusion.choose(width);
        s.choose(c, fusion.freshStats(c), width);
      }
      bad = rules[s.candidate()].check(e);
    }
    if (RowRule.ignored(bad)) return; // the ignore_index option: left out, as evaluate leaves it out, and not a bad row
    if (bad != null) {
      s.bad(bad, partition, position, () -> text(row));
      return;
    }
    s.stats().add(e);
  }

  /** The row's column arguments as "label = 1.0, prediction = NULL", vectors cut after 8 elements. */
  private String text(UnsafeRow row) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < fusion.columns.size(); i++) parts.add(fusion.columns.get(i) + " = " + value(row, i, fusion.kinds.get(i)));
    return String.join(", ", parts);
  }

  private static String value(UnsafeRow row, int i, RowReader.Kind kind) {
    if (row.isNullAt(i)) return "NULL";
    if (kind == RowReader.Kind.SCALAR) return Double.toString(row.getDouble(i));
    ArrayData a = kind == RowReader.Kind.ARRAY ? row.getArray(i) : row.getStruct(i, 4).getArray(3);
    StringBuilder b = new StringBuilder("[");
    int n = a.numElements();
    for (int k = 0; k < Math.min(n, 8); k++) {
      if (k > 0) b.append(", ");
      b.append(a.isNullAt(k) ? "NULL" : Double.toString(a.getDouble(k)));
    }
    if (n > 8) b.append(", ... (").append(n).append(" elements)");
    return b.append(']').toString();
  }
}
