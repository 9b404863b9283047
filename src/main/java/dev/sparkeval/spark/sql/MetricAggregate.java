package dev.sparkeval.spark.sql;

import dev.sparkeval.core.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.catalyst.analysis.TypeCheckResult;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.aggregate.ImperativeAggregate;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.Iterator;
import scala.collection.immutable.IndexedSeq;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A catalogue loss or metric as a Spark SQL aggregate function, as the user called it. The
 * optimizer rule {@link FuseMetrics} replaces the calls of one aggregation over the same columns
 * by one {@link FusedAggregate}; a call it does not reach (a window function) folds its own state
 * the same way. Values equal {@code evaluate}'s bit for bit; undefined values are NULL.
 */
public final class MetricAggregate extends StateAggregate {
  private static final long serialVersionUID = 1L;
  private final Seq<Expression> children;
  private final String name;
  private final int mutableAggBufferOffset;
  private final int inputAggBufferOffset;
  /** The call as the user wrote it (kept when Spark binds the arguments to positions), for messages. */
  private final String display;
  /** Resolved once the arguments are (type check), then carried through copies to the executors. */
  private Fusion fusion;
  private transient UsageException failure;

  public MetricAggregate(Seq<Expression> children, String name, int mutableAggBufferOffset, int inputAggBufferOffset,
                         String display, Fusion fusion) {
    this.children = children;
    this.name = name;
    this.mutableAggBufferOffset = mutableAggBufferOffset;
    this.inputAggBufferOffset = inputAggBufferOffset;
    this.display = display;
    this.fusion = fusion;
  }

  /** A call of the named catalogue function on these arguments, as the function registry builds it. */
  public static MetricAggregate call(String name, Seq<Expression> args) {
    return new MetricAggregate(args, name, 0, 0, null, null);
  }

  String display() {
    if (display != null) return display;
    if (!childrenResolved()) return name + "(...)";
    List<String> args = new ArrayList<>();
    for (Expression a : args()) args.add(pretty(a));
    return name + "(" + String.join(", ", args) + ")";
  }

  /** An expression as Spark names result columns: without table qualifiers, as the user wrote it. */
  static String pretty(Expression e) {
    return org.apache.spark.sql.catalyst.util.package$.MODULE$.toPrettySQL(e, false);
  }

  String name() {
    return name;
  }

  @Override Fusion fusion() {
    if (fusion == null && failure == null) {
      try {
        SqlCall c = SqlCall.resolve(name, args());
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < c.roles.size(); i++) columns.add(pretty(args().get(i)));
        fusion = Fusion.of(c, display(), columns, false);
      } catch (UsageException e) {
        failure = e;
      }
    }
    if (failure != null) throw failure;
    return fusion;
  }

  /** The fusion when it is known or can be resolved now, else null (arguments not yet resolved). */
  private Fusion known() {
    if (fusion == null && childrenResolved()) {
      try {
        fusion();
      } catch (UsageException e) {
        return null;
      }
    }
    return fusion;
  }

  @Override List<Expression> inputs() {
    return args().subList(0, fusion().roles.size());
  }

  private List<Expression> args() {
    return CollectionConverters.asJava(children);
  }

  @Override public TypeCheckResult checkInputDataTypes() {
    try {
      fusion();
      return TypeCheckResult.TypeCheckSuccess$.MODULE$;
    } catch (UsageException e) {
      return new TypeCheckResult.TypeCheckFailure(e.getMessage());
    }
  }

  @Override Object result(SqlState s) {
    return fusion().value(s, 0);
  }

  @Override public DataType dataType() {
    return name.equals(SqlCall.ROWS_SKIPPED) ? FusedAggregate.COUNTS : DataTypes.DoubleType;
  }

  @Override public String prettyName() {
    return SqlFunctions.SQL_NAMES.getOrDefault(name, name);
  }

  @Override public Seq<Expression> children() {
    return children;
  }

  @Override public Expression withNewChildrenInternal(IndexedSeq<Expression> newChildren) {
    return new MetricAggregate(newChildren, name, mutableAggBufferOffset, inputAggBufferOffset, display(), known());
  }

  @Override public int mutableAggBufferOffset() {
    return mutableAggBufferOffset;
  }

  @Override public int inputAggBufferOffset() {
    return inputAggBufferOffset;
  }

  @Override public ImperativeAggregate withNewMutableAggBufferOffset(int offset) {
    return new MetricAggregate(children, name, offset, inputAggBufferOffset, display, known());
  }

  @Override public ImperativeAggregate withNewInputAggBufferOffset(int offset) {
    return new MetricAggregate(children, name, mutableAggBufferOffset, offset, display, known());
  }

  // Expressions are Scala case classes in Spark: tree copies go through these Product members.
  @Override public int productArity() {
    return 6;
  }

  @Override public Object productElement(int n) {
    return switch (n) {
      case 0 -> children;
      case 1 -> name;
      case 2 -> mutableAggBufferOffset;
      case 3 -> inputAggBufferOffset;
      case 4 -> display;
      case 5 -> fusion;
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
