package dev.sparkeval.spark;

import dev.sparkeval.spark.sql.SqlFunctions;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.SparkSessionExtensionsProvider;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
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
 * registers nothing twice.
 */
public final class SparkevalExtensions extends AbstractFunction1<SparkSessionExtensions, BoxedUnit>
    implements SparkSessionExtensionsProvider {
  /** Per provider, the extension sets it has filled: Spark applies the configured class and the service alike. */
  private static final Map<Class<?>, Set<SparkSessionExtensions>> APPLIED = new ConcurrentHashMap<>();

  @Override public BoxedUnit apply(SparkSessionExtensions extensions) {
    injectOnce(SparkevalExtensions.class, extensions, SqlFunctions.descriptions());
    return BoxedUnit.UNIT;
  }

  /** Injects a provider's functions into an extension set, once however often Spark applies the provider. */
  public static void injectOnce(Class<?> provider, SparkSessionExtensions extensions,
                                List<Tuple3<FunctionIdentifier, ExpressionInfo, Function1<Seq<Expression>, Expression>>> functions) {
    Set<SparkSessionExtensions> done = APPLIED.computeIfAbsent(provider,
        k -> Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>())));
    if (done.add(extensions)) functions.forEach(extensions::injectFunction);
  }
}
