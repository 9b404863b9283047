package dev.sparkeval.spark.sql;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.core.Value;
import dev.sparkeval.spark.eval.RowReader;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.analysis.TypeCheckResult;
import org.apache.spark.sql.catalyst.expressions.Cast;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.aggregate.ImperativeAggregate;
import org.apache.spark.sql.catalyst.expressions.aggregate.TypedImperativeAggregate;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import scala.Option;
import scala.collection.Iterator;
import scala.collection.immutable.IndexedSeq;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A catalogue loss or metric as a Spark SQL aggregate function. The aggregation buffer is the
 * fused {@link StatSet} of the evaluate command, rows are decoded by the same {@link RowReader}
 * and checked by the same row rule, so values equal {@code evaluate}'s bit for bit. A bad row
 * fails the query with a message naming the fault. Undefined values are NULL.
 */
public final class MetricAggregate extends TypedImperativeAggregate<StatSet> implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Seq<Expression> children;
  private final String name;
  private final int mutableAggBufferOffset;
  private final int inputAggBufferOffset;
  /** The call as the user wrote it (kept when Spark binds the arguments to positions), for messages. */
  private final String display;
  private transient SqlCall call;
  private transient UsageException failure;
  private transient Expression[] inputs;
  private transient GenericInternalRow decoded;
  private transient RowReader reader;
  private transient Example example;

  public MetricAggregate(Seq<Expression> children, String name, int mutableAggBufferOffset, int inputAggBufferOffset,
                         String display) {
    this.children = children;
    this.name = name;
    this.mutableAggBufferOffset = mutableAggBufferOffset;
    this.inputAggBufferOffset = inputAggBufferOffset;
    this.display = display;
  }

  /** A call of the named catalogue function on these arguments, as the function registry builds it. */
  public static MetricAggregate call(String name, Seq<Expression> args) {
    return new MetricAggregate(args, name, 0, 0, null);
  }

  private String display() {
    if (display != null) return display;
    return childrenResolved() ? sql(false) : name + "(...)";
  }

  /** The resolved call; only valid once the arguments are resolved. */
  private SqlCall call() {
    if (call == null && failure == null) {
      try {
        call = SqlCall.resolve(name, args());
      } catch (UsageException e) {
        failure = e;
      }
    }
    if (failure != null) throw failure;
    return call;
  }

  private List<Expression> args() {
    return CollectionConverters.asJava(children);
  }

  @Override public TypeCheckResult checkInputDataTypes() {
    try {
      call();
      return TypeCheckResult.TypeCheckSuccess$.MODULE$;
    } catch (UsageException e) {
      return new TypeCheckResult.TypeCheckFailure(e.getMessage());
    }
  }

  @Override public StatSet createAggregationBuffer() {
    return call().plan.prototype().fresh();
  }

  @Override public StatSet update(StatSet buffer, InternalRow input) {
    if (inputs == null) prepare();
    for (int i = 0; i < inputs.length; i++) decoded.update(i, inputs[i].eval(input));
    example.weight = 1.0;
    RowRule.Bad bad = reader.read(decoded, example);
    if (bad == null) bad = call.plan.rule().check(example);
    if (RowRule.ignored(bad)) return buffer; // the ignore_index option: left out, as evaluate leaves it out
    if (bad != null) {
      throw new UsageException(display() + ": bad row: " + bad.detail()
          + "; filter such rows out in the query (for example WHERE ... IS NOT NULL) or fix the input");
    }
    buffer.add(example);
    return buffer;
  }

  /** Reads each argument the way evaluate's projection does: scalars as double, arrays as array of double. */
  private void prepare() {
    SqlCall c = call();
    int n = c.roles.size();
    Expression[] in = new Expression[n];
    for (int i = 0; i < n; i++) {
      Expression a = args().get(i);
      DataType t = a.dataType();
      in[i] = switch (c.kinds.get(i)) {
        case SCALAR -> t.equals(DataTypes.DoubleType) ? a : new Cast(a, DataTypes.DoubleType, Option.empty());
        case ARRAY -> ((ArrayType) t).elementType().equals(DataTypes.DoubleType) ? a
            : new Cast(a, DataTypes.createArrayType(DataTypes.DoubleType), Option.empty());
        case ML_VECTOR -> a;
      };
    }
    decoded = new GenericInternalRow(n);
    reader = new RowReader(c.roles, c.kinds, 0);
    example = new Example();
    inputs = in;
  }

  @Override public StatSet merge(StatSet buffer, StatSet input) {
    buffer.merge(input);
    return buffer;
  }

  @Override public Object eval(StatSet buffer) {
    Value v = call().measure().measure().finish(buffer);
    return v.defined() ? (Object) v.value() : null;
  }

  @Override public byte[] serialize(StatSet buffer) {
    return StateBytes.write(buffer);
  }

  @Override public StatSet deserialize(byte[] bytes) {
    return StateBytes.read(bytes);
  }

  @Override public DataType dataType() {
    return DataTypes.DoubleType;
  }

  @Override public boolean nullable() {
    return true;
  }

  @Override public String prettyName() {
    return name;
  }

  @Override public Seq<Expression> children() {
    return children;
  }

  @Override public Expression withNewChildrenInternal(IndexedSeq<Expression> newChildren) {
    return new MetricAggregate(newChildren, name, mutableAggBufferOffset, inputAggBufferOffset, display());
  }

  @Override public int mutableAggBufferOffset() {
    return mutableAggBufferOffset;
  }

  @Override public int inputAggBufferOffset() {
    return inputAggBufferOffset;
  }

  @Override public ImperativeAggregate withNewMutableAggBufferOffset(int offset) {
    return new MetricAggregate(children, name, offset, inputAggBufferOffset, display);
  }

  @Override public ImperativeAggregate withNewInputAggBufferOffset(int offset) {
    return new MetricAggregate(children, name, mutableAggBufferOffset, offset, display);
  }

  // Expressions are Scala case classes in Spark: tree copies go through these Product members.
  @Override public int productArity() {
    return 5;
  }

  @Override public Object productElement(int n) {
    return switch (n) {
      case 0 -> children;
      case 1 -> name;
      case 2 -> mutableAggBufferOffset;
      case 3 -> inputAggBufferOffset;
      case 4 -> display;
      default -> throw new IndexOutOfBoundsException(n);
    };
  }

  @Override public boolean canEqual(Object that) {
    return that instanceof MetricAggregate;
  }

  /** Only the arguments appear in plans and error messages, not the buffer offsets. */
  @Override public Iterator<Object> stringArgs() {
    return CollectionConverters.asScala(List.<Object>copyOf(args())).iterator();
  }

  @Override public boolean equals(Object o) {
    return o instanceof MetricAggregate m && m.name.equals(name) && m.children.equals(children)
        && m.mutableAggBufferOffset == mutableAggBufferOffset && m.inputAggBufferOffset == inputAggBufferOffset;
  }

  @Override public int hashCode() {
    return Objects.hash(name, children, mutableAggBufferOffset, inputAggBufferOffset);
  }
}
