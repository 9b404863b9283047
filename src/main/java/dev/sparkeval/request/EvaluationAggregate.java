package dev.sparkeval.request;

import dev.sparkeval.core.Partial;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.spark.eval.Folder;
import dev.sparkeval.spark.eval.RowReader;
import dev.sparkeval.spark.sql.StateBytes;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.aggregate.ImperativeAggregate;
import org.apache.spark.sql.catalyst.expressions.aggregate.TypedImperativeAggregate;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import scala.collection.Iterator;
import scala.collection.immutable.IndexedSeq;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * {@code sparkeval_evaluate(struct, options)}: the whole evaluation of the evaluate command as
 * one SQL aggregate, returning report.json. The buffer is the engine's {@link Partial} (every
 * slice's fused states, row counts, bad rows by reason), rows are folded by the engine's
 * {@link Folder}, and the report is finished by the same code as the command line's, so every
 * value is the command line's bit for bit. Exact AUC keeps each slice's distinct scores in the
 * buffer (in place of the command line's sort job). The children are the bound columns as the
 * engine projects them (see {@link EvaluationFunctions}); a run that cannot be reported (bad
 * rows under --bad-rows fail, too many slices, ...) returns {"error": "one line"}. Under GROUP BY
 * each group gets its report; a bad row's position then counts that group's rows in its partition.
 */
public final class EvaluationAggregate extends TypedImperativeAggregate<EvaluationAggregate.Buffer> implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** The pass so far, or the one-line reason it cannot be reported. */
  public static final class Buffer implements Serializable {
    @Serial private static final long serialVersionUID = 1L;
    final Partial partial;
    String error;
    /** Folds this buffer's rows (one per group and task; rebuilt after a spill). */
    transient Folder folder;

    Buffer(Partial partial) {
      this.partial = partial;
    }
  }

  private final Seq<Expression> children;
  private final String options;
  private final StructType schema;
  private final int mutableAggBufferOffset;
  private final int inputAggBufferOffset;
  private transient EvaluationRequest request;
  private transient Evaluation.Prepared prepared;
  private transient GenericInternalRow decoded;
  private transient int predictionColumn;

  /** children: the bound columns in reader order, then the slices; options as given; schema: of the struct argument. */
  public EvaluationAggregate(Seq<Expression> children, String options, StructType schema, int mutableAggBufferOffset,
                             int inputAggBufferOffset) {
    this.children = children;
    this.options = options;
    this.schema = schema;
    this.mutableAggBufferOffset = mutableAggBufferOffset;
    this.inputAggBufferOffset = inputAggBufferOffset;
  }

  /** The request and binding, rebuilt from the options wherever the expression runs (they were checked at analysis). */
  private void prepare() {
    request = EvaluationRequest.parse(options);
    prepared = request.prepare(schema);
    decoded = new GenericInternalRow(children.size());
    predictionColumn = new ArrayList<>(prepared.binding().columns().keySet()).indexOf(Role.PREDICTION);
  }

  @Override public Buffer createAggregationBuffer() {
    if (request == null) prepare();
    Plan plan = prepared.plan();
    return new Buffer(new Partial(plan.prototype(), plan.overallPrototype(), request.settings.maxSlices()));
  }

  @Override public Buffer update(Buffer buffer, InternalRow input) {
    if (request == null) prepare();
    if (buffer.error != null || buffer.partial.sliceOverflow()) return buffer; // the run fails: stop reading
    List<Expression> in = CollectionConverters.asJava(children);
    for (int i = 0; i < in.size(); i++) decoded.update(i, in.get(i).eval(input));
    if (buffer.folder == null) {
      RowReader reader = prepared.binding().reader();
      buffer.folder = new Folder(buffer.partial, reader, prepared.plan().rule(), TaskContext.getPartitionId());
      try {
        checkWidth();
      } catch (UsageException e) {
        buffer.error = e.getMessage();
        return buffer;
      }
    }
    buffer.folder.add(decoded);
    return buffer;
  }

  /** As the engine does before its pass: the first row's prediction width against --max-classes. */
  private void checkWidth() {
    if (predictionColumn < 0 || decoded.isNullAt(predictionColumn)) return;
    RowReader.Kind kind = prepared.binding().kind(Role.PREDICTION);
    if (kind == RowReader.Kind.SCALAR) return;
    int width;
    if (kind == RowReader.Kind.ARRAY) {
      width = decoded.getArray(predictionColumn).numElements();
    } else {
      InternalRow v = decoded.getStruct(predictionColumn, 4); // VectorUDT: type, size, indices, values
      width = v.getByte(0) == 0 ? v.getInt(1) : v.getArray(3).numElements();
    }
    Evaluation.checkClasses(width, request.settings);
  }

  @Override public Buffer merge(Buffer buffer, Buffer input) {
    if (buffer.error != null) return buffer;
    if (input.error != null) {
      buffer.error = input.error;
      return buffer;
    }
    try {
      buffer.partial.merge(input.partial);
    } catch (UsageException e) { // partitions that cannot merge (vectors of different dimensions)
      buffer.error = e.getMessage();
    }
    return buffer;
  }

  @Override public Object eval(Buffer buffer) {
    if (request == null) prepare();
    String json = buffer.error != null ? EvaluationRequest.error(buffer.error) : request.report(prepared, buffer.partial);
    return UTF8String.fromString(json);
  }

  @Override public byte[] serialize(Buffer buffer) {
    return StateBytes.write(buffer);
  }

  @Override public Buffer deserialize(byte[] bytes) {
    return StateBytes.read(bytes, Buffer.class);
  }

  @Override public DataType dataType() {
    return DataTypes.StringType;
  }

  @Override public boolean nullable() {
    return false;
  }

  @Override public String prettyName() {
    return EvaluationRequest.NAME;
  }

  @Override public Seq<Expression> children() {
    return children;
  }

  @Override public Expression withNewChildrenInternal(IndexedSeq<Expression> newChildren) {
    return new EvaluationAggregate(newChildren, options, schema, mutableAggBufferOffset, inputAggBufferOffset);
  }

  @Override public int mutableAggBufferOffset() {
    return mutableAggBufferOffset;
  }

  @Override public int inputAggBufferOffset() {
    return inputAggBufferOffset;
  }

  @Override public ImperativeAggregate withNewMutableAggBufferOffset(int offset) {
    return new EvaluationAggregate(children, options, schema, offset, inputAggBufferOffset);
  }

  @Override public ImperativeAggregate withNewInputAggBufferOffset(int offset) {
    return new EvaluationAggregate(children, options, schema, mutableAggBufferOffset, offset);
  }

  // Expressions are Scala case classes in Spark: tree copies go through these Product members.
  @Override public int productArity() {
    return 5;
  }

  @Override public Object productElement(int n) {
    return switch (n) {
      case 0 -> children;
      case 1 -> options;
      case 2 -> schema;
      case 3 -> mutableAggBufferOffset;
      case 4 -> inputAggBufferOffset;
      default -> throw new IndexOutOfBoundsException(n);
    };
  }

  @Override public boolean canEqual(Object that) {
    return that instanceof EvaluationAggregate;
  }

  /** Plans show the columns read and the options, not the schema or buffer offsets. */
  @Override public Iterator<Object> stringArgs() {
    List<Object> args = new ArrayList<>(CollectionConverters.asJava(children));
    args.add(options);
    return CollectionConverters.asScala(args).iterator();
  }

  @Override public boolean equals(Object o) {
    return o instanceof EvaluationAggregate a && a.children.equals(children) && a.options.equals(options)
        && a.schema.equals(schema) && a.mutableAggBufferOffset == mutableAggBufferOffset
        && a.inputAggBufferOffset == inputAggBufferOffset;
  }

  @Override public int hashCode() {
    return Objects.hash(children, options, schema, mutableAggBufferOffset, inputAggBufferOffset);
  }
}
