package dev.sparkeval.spark;

import dev.sparkeval.spark.sql.FuseMetrics;
import dev.sparkeval.spark.sql.FusedStrategy;
import dev.sparkeval.spark.sql.SqlFunctions;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.SparkSessionExtensionsProvider;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.rules.Rule;
import org.apache.spark.sql.execution.SparkStrategy;
import scala.Function1;
import scala.Tuple3;
import scala.collection.immutable.Seq;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * Makes every sparkeval loss and metric a SQL aggregate function in any Spark session, without
 * code. With the jar on the class path ({@code --jars sparkeval.jar} or {@code spark.jars}) Spark
 * finds this class (and the whole-evaluation functions' {@code RequestExtensions}) through the
 * jar's {@code SparkSessionExtensionsProvider} service file, so nothing else is needed (PySpark,
 * Spark Connect servers, spark-sql, the Thrift server);
 * {@code --conf spark.sql.extensions=dev.sparkeval.spark.SparkevalExtensions} keeps working and
 * registers nothing twice. Besides the functions it adds the optimizer rule that fuses calls over
 * the same columns into one state ({@link FuseMetrics}) and the planner strategy that folds column
 * batches into it ({@link FusedStrategy}).
 */
public final class SparkevalExtensions extends AbstractFunction1<SparkSessionExtensions, BoxedUnit>
    implements SparkSessionExtensionsProvider {
  /** Per provider, the extension sets it has filled: Spark applies the configured class and the service alike. */
  private static final Map<Class<?>, Set<SparkSessionExtensions>> APPLIED = new ConcurrentHashMap<>();

  @Override public BoxedUnit apply(SparkSessionExtensions extensions) {
    if (!first(SparkevalExtensions.class, extensions)) return BoxedUnit.UNIT;
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

  /** Injects a provider's functions into an extension set, once however often Spark applies the provider. */
  public static void injectOnce(Class<?> provider, SparkSessionExtensions extensions,
                                List<Tuple3<FunctionIdentifier, ExpressionInfo, Function1<Seq<Expression>, Expression>>> functions) {
    if (first(provider, extensions)) functions.forEach(extensions::injectFunction);
  }

  /** True the first time a provider fills this extension set. */
  private static boolean first(Class<?> provider, SparkSessionExtensions extensions) {
    Set<SparkSessionExtensions> done = APPLIED.computeIfAbsent(provider,
        k -> Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>())));
    return done.add(extensions);
  }
}
