package dev.sparkeval.spark.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.GetStructField;
import org.apache.spark.sql.catalyst.expressions.NamedExpression;
import org.apache.spark.sql.catalyst.expressions.aggregate.AggregateExpression;
import org.apache.spark.sql.catalyst.expressions.aggregate.AggregateExpression$;
import org.apache.spark.sql.catalyst.expressions.aggregate.AggregateMode;
import org.apache.spark.sql.catalyst.plans.logical.Aggregate;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.rules.Rule;
import scala.Function1;
import scala.Option;
import scala.runtime.AbstractPartialFunction;
import scala.runtime.BoxedUnit;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The optimizer rule that fuses: in every Aggregate, the sparkeval calls over the same column
 * expressions, with the same options (task, logits, threshold, class weights, bad_rows) and the
 * same DISTINCT and FILTER clauses, become ONE {@link FusedAggregate} (one state holding every
 * measure once), and each call becomes a field of its struct value. Six calls then cost one pass
 * of one state. Registered by {@code SparkevalExtensions} and by {@code SqlFunctions.register}.
 */
public final class FuseMetrics extends Rule<LogicalPlan> {
  /** What must agree for calls to share a state (expressions in canonical form). */
  private record Key(String fusion, List<Expression> inputs, boolean distinct, Option<Expression> filter, AggregateMode mode) {}

  private record Slot(AggregateExpression fused, int index) {}

  @Override public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(new AbstractPartialFunction<LogicalPlan, LogicalPlan>() {
      @Override public boolean isDefinedAt(LogicalPlan p) {
        return p instanceof Aggregate a && !calls(a).isEmpty();
      }

      @Override public <A1 extends LogicalPlan, B1> B1 applyOrElse(A1 p, Function1<A1, B1> otherwise) {
        if (!isDefinedAt(p)) return otherwise.apply(p);
        @SuppressWarnings("unchecked")
        B1 fused = (B1) fuse((Aggregate) p);
        return fused;
      }
    });
  }

  /** The distinct sparkeval calls of the aggregation, in order, by canonical form. */
  private static Map<Expression, AggregateExpression> calls(Aggregate a) {
    Map<Expression, AggregateExpression> calls = new LinkedHashMap<>();
    Function1<Expression, BoxedUnit> visit = e -> {
      if (e instanceof AggregateExpression ae && ae.aggregateFunction() instanceof MetricAggregate) calls.putIfAbsent(ae.canonicalized(), ae);
      return BoxedUnit.UNIT;
    };
    for (NamedExpression e : CollectionConverters.asJava(a.aggregateExpressions())) ((Expression) e).foreach(visit);
    return calls;
  }

  private static LogicalPlan fuse(Aggregate a) {
    boolean global = a.groupingExpressions().isEmpty();
    Map<Key, List<AggregateExpression>> groups = new LinkedHashMap<>();
    for (AggregateExpression ae : calls(a).values()) {
      MetricAggregate m = (MetricAggregate) ae.aggregateFunction();
      List<Expression> inputs = new ArrayList<>();
      for (Expression e : m.inputs()) inputs.add(e.canonicalized());
      Option<Expression> filter = ae.filter().isDefined() ? Option.apply(ae.filter().get().canonicalized()) : Option.empty();
      Key k = new Key(m.fusion().key(), inputs, ae.isDistinct(), filter, ae.mode());
      groups.computeIfAbsent(k, x -> new ArrayList<>()).add(ae);
    }
    Map<Expression, Slot> slots = new LinkedHashMap<>();
    for (List<AggregateExpression> group : groups.values()) {
      AggregateExpression first = group.get(0);
      List<Fusion> parts = new ArrayList<>();
      for (AggregateExpression ae : group) parts.add(((MetricAggregate) ae.aggregateFunction()).fusion());
      MetricAggregate m = (MetricAggregate) first.aggregateFunction();
      FusedAggregate f = new FusedAggregate(CollectionConverters.asScala(m.inputs()).toList(), Fusion.fuse(parts, global), 0, 0);
      AggregateExpression fused = AggregateExpression$.MODULE$.apply(f, first.mode(), first.isDistinct(), first.filter());
      for (int i = 0; i < group.size(); i++) slots.put(group.get(i).canonicalized(), new Slot(fused, i));
    }
    return (LogicalPlan) a.transformExpressionsUp(new AbstractPartialFunction<Expression, Expression>() {
      @Override public boolean isDefinedAt(Expression e) {
        return e instanceof AggregateExpression ae && ae.aggregateFunction() instanceof MetricAggregate;
      }

      @Override public <A1 extends Expression, B1> B1 applyOrElse(A1 e, Function1<A1, B1> otherwise) {
        if (!isDefinedAt(e)) return otherwise.apply(e);
        Slot s = slots.get(e.canonicalized());
        @SuppressWarnings("unchecked")
        B1 field = (B1) new GetStructField(s.fused(), s.index(), Option.apply("v" + s.index()));
        return field;
      }
    });
  }
}
