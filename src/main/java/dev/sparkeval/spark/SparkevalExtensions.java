package dev.sparkeval.spark;

import dev.sparkeval.spark.sql.SqlFunctions;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.SparkSessionExtensionsProvider;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * Makes every sparkeval loss and metric, and sparkeval_evaluate, a SQL function in any Spark
 * session, without code. With the jar on the class path ({@code --jars sparkeval.jar} or
 * {@code spark.jars}) Spark finds this class through its {@code SparkSessionExtensionsProvider}
 * service file, so nothing else is needed (PySpark, Spark Connect servers, spark-sql, the
 * Thrift server); {@code --conf spark.sql.extensions=dev.sparkeval.spark.SparkevalExtensions}
 * keeps working and does not register anything twice.
 */
public final class SparkevalExtensions extends AbstractFunction1<SparkSessionExtensions, BoxedUnit>
    implements SparkSessionExtensionsProvider {
  /** Extension sets already given our functions (Spark applies both the configured class and the service). */
  private static final Set<SparkSessionExtensions> APPLIED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  @Override public BoxedUnit apply(SparkSessionExtensions extensions) {
    if (APPLIED.add(extensions)) SqlFunctions.descriptions().forEach(extensions::injectFunction);
    return BoxedUnit.UNIT;
  }
}
