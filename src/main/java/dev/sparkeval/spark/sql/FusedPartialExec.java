package dev.sparkeval.spark.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.AttributeReference;
import org.apache.spark.sql.catalyst.expressions.BoundReference;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.NamedExpression;
import org.apache.spark.sql.catalyst.expressions.aggregate.AggregateExpression;
import org.apache.spark.sql.execution.ColumnarToRowExec;
import org.apache.spark.sql.execution.InputAdapter;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.apache.spark.sql.execution.adaptive.TableCacheQueryStageExec;
import org.apache.spark.sql.catalyst.types.DataTypeUtils$;
import org.apache.spark.sql.columnar.CachedBatchSerializer;
import org.apache.spark.sql.execution.columnar.InMemoryRelation;
import org.apache.spark.sql.execution.columnar.InMemoryTableScanExec;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import scala.collection.Iterator;
import scala.collection.immutable.IndexedSeq;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The partial aggregate of fused sparkeval states: each task folds its partition into one state
 * per group (a bounded number of groups at a time) and emits the grouping values with each
 * state's bytes, exactly the rows Spark's own partial aggregate would emit, so that Spark's final
 * aggregate merges them after the exchange. When the child produces column batches (the
 * in-memory cache, vectorized parquet and ORC, under the row conversion the planner put above
 * them) the batches are read directly.
 */
public final class FusedPartialExec extends SparkPlan {
  private static final long serialVersionUID = 1L;
  private final Seq<NamedExpression> grouping;
  private final Seq<AggregateExpression> aggregates;
  private final Seq<Attribute> output;
  private final SparkPlan child;

  public FusedPartialExec(Seq<NamedExpression> grouping, Seq<AggregateExpression> aggregates, Seq<Attribute> output, SparkPlan child) {
    this.grouping = grouping;
    this.aggregates = aggregates;
    this.output = output;
    this.child = child;
  }

  @Override public RDD<InternalRow> doExecute() {
    List<Attribute> input = CollectionConverters.asJava(child.output());
    List<Expression> keys = new ArrayList<>();
    for (NamedExpression g : CollectionConverters.asJava(grouping)) keys.add(bind((Expression) g, input));
    List<FusedAggregate> states = new ArrayList<>();
    for (AggregateExpression a : CollectionConverters.asJava(aggregates)) states.add((FusedAggregate) bind(a.aggregateFunction(), input));
    List<DataType> types = new ArrayList<>();
    for (Attribute a : CollectionConverters.asJava(output)) types.add(a.dataType());
    PartialFold.Spec spec = new PartialFold.Spec(keys, states, types);
    RDD<ColumnarBatch> columnar = batches(child);
    if (columnar != null) {
      return columnar.toJavaRDD().mapPartitions(it -> new PartialFold(spec).foldBatches(it)).rdd();
    }
    JavaRDD<InternalRow> rows = child.execute().toJavaRDD();
    return rows.mapPartitions(it -> new PartialFold(spec).foldRows(it)).rdd();
  }

  /** The expression reading the input row's columns by position (what Spark's BindReferences does). */
  static Expression bind(Expression e, List<Attribute> input) {
    return e.transformDown(new scala.runtime.AbstractPartialFunction<Expression, Expression>() {
      @Override public boolean isDefinedAt(Expression x) {
        return x instanceof AttributeReference;
      }

      @Override public <A1 extends Expression, B1> B1 applyOrElse(A1 x, scala.Function1<A1, B1> otherwise) {
        if (!(x instanceof AttributeReference a)) return otherwise.apply(x);
        for (int i = 0; i < input.size(); i++) {
          if (input.get(i).exprId().equals(a.exprId())) {
            @SuppressWarnings("unchecked")
            B1 bound = (B1) new BoundReference(i, a.dataType(), input.get(i).nullable());
            return bound;
          }
        }
        throw new IllegalStateException("no input column " + a + " in " + input);
      }
    });
  }

  /**
   * The column batches of the child's output, in its column order, or null when the child is more
   * than a columnar scan converted to rows (the row conversion, with the generated-code stage and
   * input adapter around it) or a scan of the in-memory cache whose columns its serializer hands
   * out as vectors (the default one does for numbers, whatever the other columns of the cache).
   */
  static RDD<ColumnarBatch> batches(SparkPlan p) {
    if (p instanceof TableCacheQueryStageExec stage) p = stage.plan(); // adaptive execution's stage over the cache scan
    if (p instanceof InMemoryTableScanExec scan && scan.predicates().isEmpty()) {
      InMemoryRelation rel = scan.relation();
      CachedBatchSerializer serializer = rel.cacheBuilder().serializer();
      StructType selected = DataTypeUtils$.MODULE$.fromAttributes(scan.attributes());
      if (serializer.supportsColumnarOutput(selected)) {
        return serializer.convertCachedBatchToColumnarBatch(rel.cacheBuilder().cachedColumnBuffers(), rel.output(), scan.attributes(),
            org.apache.spark.sql.internal.SQLConf.get());
      }
    }
    SparkPlan q = p instanceof WholeStageCodegenExec w ? w.child() : p;
    boolean converted = q instanceof ColumnarToRowExec;
    if (converted) q = ((ColumnarToRowExec) q).child();
    if (q instanceof InputAdapter a) q = a.child();
    if (!converted && q != p) return null;
    return q.supportsColumnar() ? q.executeColumnar() : null;
  }

  @Override public Seq<Attribute> output() {
    return output;
  }

  /** The state columns are made here, not read from the child. */
  @Override public org.apache.spark.sql.catalyst.expressions.AttributeSet producedAttributes() {
    List<Expression> made = new ArrayList<>(CollectionConverters.asJava(output));
    return org.apache.spark.sql.catalyst.expressions.AttributeSet$.MODULE$.apply(CollectionConverters.asScala(made).toList());
  }

  @Override public Seq<SparkPlan> children() {
    return CollectionConverters.asScala(List.of(child)).toList();
  }

  @Override public SparkPlan withNewChildrenInternal(IndexedSeq<SparkPlan> newChildren) {
    return new FusedPartialExec(grouping, aggregates, output, newChildren.head());
  }

  @Override public int productArity() {
    return 4;
  }

  @Override public Object productElement(int n) {
    return switch (n) {
      case 0 -> grouping;
      case 1 -> aggregates;
      case 2 -> output;
      case 3 -> child;
      default -> throw new IndexOutOfBoundsException(n);
    };
  }

  @Override public boolean canEqual(Object that) {
    return that instanceof FusedPartialExec;
  }

  @Override public Iterator<Object> stringArgs() {
    return CollectionConverters.asScala(List.<Object>of(grouping, aggregates)).iterator();
  }

  @Override public boolean equals(Object o) {
    return o instanceof FusedPartialExec f && f.grouping.equals(grouping) && f.aggregates.equals(aggregates)
        && f.output.equals(output) && f.child.equals(child);
  }

  @Override public int hashCode() {
    return Objects.hash(grouping, aggregates, output, child);
  }
}
