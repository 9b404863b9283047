package dev.sparkeval.spark.sql;

import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.aggregate.ImperativeAggregate;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.Iterator;
import scala.collection.immutable.IndexedSeq;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Several sparkeval calls of one aggregation over the same columns and options, folded into one
 * shared state: its value is a struct with one field per call ({@code v0}, {@code v1}, ...), which
 * {@link FuseMetrics} projects back to each call's column. Its children are the column arguments.
 */
public final class FusedAggregate extends StateAggregate {
  private static final long serialVersionUID = 1L;
  /** The type of rows_skipped: reason to count. */
  static final DataType COUNTS = DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false);
  private final Seq<Expression> children;
  private final Fusion fusion;
  private final int mutableAggBufferOffset;
  private final int inputAggBufferOffset;

  public FusedAggregate(Seq<Expression> children, Fusion fusion, int mutableAggBufferOffset, int inputAggBufferOffset) {
    this.children = children;
    this.fusion = fusion;
    this.mutableAggBufferOffset = mutableAggBufferOffset;
    this.inputAggBufferOffset = inputAggBufferOffset;
  }

  @Override Fusion fusion() {
    return fusion;
  }

  @Override List<Expression> inputs() {
    return CollectionConverters.asJava(children);
  }

  @Override Object result(SqlState s) {
    Object[] values = new Object[fusion.size()];
    for (int i = 0; i < values.length; i++) values[i] = fusion.value(s, i);
    return new GenericInternalRow(values);
  }

  @Override public DataType dataType() {
    StructType t = new StructType();
    for (int i = 0; i < fusion.size(); i++) t = t.add("v" + i, fusion.isCounts(i) ? COUNTS : DataTypes.DoubleType, true);
    return t;
  }

  @Override public String prettyName() {
    return "sparkeval";
  }

  @Override public Seq<Expression> children() {
    return children;
  }

  @Override public Expression withNewChildrenInternal(IndexedSeq<Expression> newChildren) {
    return new FusedAggregate(newChildren, fusion, mutableAggBufferOffset, inputAggBufferOffset);
  }

  @Override public int mutableAggBufferOffset() {
    return mutableAggBufferOffset;
  }

  @Override public int inputAggBufferOffset() {
    return inputAggBufferOffset;
  }

  @Override public ImperativeAggregate withNewMutableAggBufferOffset(int offset) {
    return new FusedAggregate(children, fusion, offset, inputAggBufferOffset);
  }

  @Override public ImperativeAggregate withNewInputAggBufferOffset(int offset) {
    return new FusedAggregate(children, fusion, mutableAggBufferOffset, offset);
  }

  @Override public int productArity() {
    return 4;
  }

  @Override public Object productElement(int n) {
    return switch (n) {
      case 0 -> children;
      case 1 -> fusion;
      case 2 -> mutableAggBufferOffset;
      case 3 -> inputAggBufferOffset;
      default -> throw new IndexOutOfBoundsException(n);
    };
  }

  @Override public boolean canEqual(Object that) {
    return that instanceof FusedAggregate;
  }

  /** Plans show the fused calls, not the buffer offsets. */
  @Override public Iterator<Object> stringArgs() {
    return CollectionConverters.asScala(List.<Object>of(fusion.toString())).iterator();
  }

  @Override public boolean equals(Object o) {
    return o instanceof FusedAggregate m && m.fusion.equals(fusion) && m.children.equals(children)
        && m.mutableAggBufferOffset == mutableAggBufferOffset && m.inputAggBufferOffset == inputAggBufferOffset;
  }

  @Override public int hashCode() {
    return Objects.hash(fusion, children, mutableAggBufferOffset, inputAggBufferOffset);
  }
}
