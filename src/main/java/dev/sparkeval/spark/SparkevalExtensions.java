package dev.sparkeval.spark;

import dev.sparkeval.spark.sql.FuseMetrics;
import dev.sparkeval.spark.sql.FusedStrategy;
import dev.sparkeval.spark.sql.SqlFunctions;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.rules.Rule;
import org.apache.spark.sql.execution.SparkStrategy;
import org.apache.spark.sql.SparkSessionExtensions;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * Makes every sparkeval loss and metric a SQL aggregate function in any Spark session, without
 * code: {@code --conf spark.sql.extensions=dev.sparkeval.spark.SparkevalExtensions} with the
 * sparkeval jar on the class path ({@code --jars sparkeval.jar}) works for spark-sql,
 * spark-submit, PySpark and the Thrift server. Besides the functions it adds the optimizer rule
 * that fuses calls over the same columns into one state ({@link FuseMetrics}) and the planner
 * strategy that folds column batches into it ({@link FusedStrategy}).
 */
public final class SparkevalExtensions extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {
  @Override public BoxedUnit apply(SparkSessionExtensions extensions) {
    SqlFunctions.descriptions().forEach(extensions::injectFunction);
    extensions.injectOptimizerRule(new AbstractFunction1<SparkSession, Rule<LogicalPlan>>() {
      @Override public Rule<LogicalPlan> apply(SparkSession session) {
        return new FuseMetrics();
      }
    });
    extensions.injectPlannerStrategy(new AbstractFunction1<SparkSession, SparkStrategy>() {
      @Override public SparkStrategy apply(SparkSession session) {
        return new FusedStrategy();
      }
    });
    return BoxedUnit.UNIT;
  }
}
