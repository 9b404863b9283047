package dev.sparkeval.spark.sql;

import dev.sparkeval.core.UsageException;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.aggregate.TypedImperativeAggregate;

/**
 * A Catalyst aggregate whose buffer is a {@link SqlState}: rows are read from Spark's internal
 * rows by one generated projection (no conversion to external rows), states merge exactly, and a
 * bad row fails the query once, at the end, naming the call, the row and the value.
 */
abstract class StateAggregate extends TypedImperativeAggregate<SqlState> implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private transient RowFold fold;

  /** What the state computes; only valid once the arguments are resolved. */
  abstract Fusion fusion();

  /** The column arguments, in the order of {@link Fusion#roles}. */
  abstract List<Expression> inputs();

  /** The finished value of a checked state. */
  abstract Object result(SqlState s);

  @Override public SqlState createAggregationBuffer() {
    return fusion().fresh();
  }

  @Override public SqlState update(SqlState buffer, InternalRow input) {
    if (fold == null) fold = new RowFold(fusion(), inputs());
    fold.add(buffer, input);
    return buffer;
  }

  @Override public SqlState merge(SqlState buffer, SqlState input) {
    try {
      return buffer.merge(input);
    } catch (UsageException e) { // partitions that cannot merge (vectors of different lengths): name the call
      throw new UsageException(fusion().calls.get(0) + ": " + e.getMessage(), e);
    }
  }

  @Override public Object eval(SqlState buffer) {
    fusion().check(buffer);
    return result(buffer);
  }

  @Override public byte[] serialize(SqlState buffer) {
    return StateBytes.write(buffer);
  }

  @Override public SqlState deserialize(byte[] bytes) {
    return StateBytes.read(bytes, SqlState.class);
  }

  @Override public boolean nullable() {
    return true;
  }
}
