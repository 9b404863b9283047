package dev.sparkeval.spark.sql;

import java.util.List;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.NamedExpression;
import org.apache.spark.sql.catalyst.expressions.aggregate.AggregateExpression;
import org.apache.spark.sql.catalyst.expressions.aggregate.Complete$;
import org.apache.spark.sql.catalyst.expressions.aggregate.Partial$;
import org.apache.spark.sql.catalyst.planning.PhysicalAggregation$;
import org.apache.spark.sql.catalyst.plans.logical.Aggregate;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.SparkStrategy;
import org.apache.spark.sql.execution.aggregate.AggUtils$;
import org.apache.spark.sql.execution.aggregate.BaseAggregateExec;
import scala.Option;
import scala.Tuple4;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Plans a batch aggregation whose aggregates are all fused sparkeval states as Spark plans any
 * aggregation (a partial aggregate per partition, the exchange the planner requires for the
 * GROUP BY, the final merge), except that the partial aggregate is {@link FusedPartialExec},
 * which folds the column batches of a columnar child (the in-memory cache, the vectorized parquet
 * and ORC readers) without converting them to rows. Anything else (streaming, DISTINCT, FILTER,
 * other aggregates in the same SELECT) is left to Spark's own planning of the same aggregates.
 */
public final class FusedStrategy extends SparkStrategy {
  @Override public Seq<SparkPlan> apply(LogicalPlan plan) {
    if (!(plan instanceof Aggregate) || plan.isStreaming()) return nil();
    Option<Tuple4<Seq<NamedExpression>, Seq<AggregateExpression>, Seq<NamedExpression>, LogicalPlan>> m =
        PhysicalAggregation$.MODULE$.unapply(plan);
    if (m.isEmpty()) return nil();
    List<AggregateExpression> aggs = CollectionConverters.asJava(m.get()._2());
    if (aggs.isEmpty()) return nil();
    for (AggregateExpression a : aggs) {
      if (!(a.aggregateFunction() instanceof FusedAggregate) || a.isDistinct() || a.filter().isDefined() || a.mode() != Complete$.MODULE$) {
        return nil();
      }
    }
    Seq<SparkPlan> planned = AggUtils$.MODULE$.planAggregateWithoutDistinct(m.get()._1(), m.get()._2(), m.get()._3(), planLater(m.get()._4()));
    if (planned.size() != 1 || planned.head().children().size() != 1) return nil();
    SparkPlan last = planned.head();
    if (!(last.children().head() instanceof BaseAggregateExec partial)) return nil();
    for (AggregateExpression a : CollectionConverters.asJava(partial.aggregateExpressions())) {
      if (a.mode() != Partial$.MODULE$) return nil();
    }
    SparkPlan fused = new FusedPartialExec(partial.groupingExpressions(), partial.aggregateExpressions(), ((SparkPlan) partial).output(),
        ((SparkPlan) partial).children().head());
    return CollectionConverters.asScala(List.of(last.withNewChildren(CollectionConverters.asScala(List.of(fused)).toList()))).toList();
  }

  private static Seq<SparkPlan> nil() {
    return CollectionConverters.asScala(List.<SparkPlan>of()).toList();
  }

  static List<Expression> list(Seq<? extends Expression> s) {
    return List.copyOf(CollectionConverters.asJava(s));
  }
}
