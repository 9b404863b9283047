package dev.sparkeval.spark;

import dev.sparkeval.spark.sql.SqlFunctions;
import org.apache.spark.sql.SparkSessionExtensions;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * Makes every sparkeval loss and metric a SQL aggregate function in any Spark session, without
 * code: {@code --conf spark.sql.extensions=dev.sparkeval.spark.SparkevalExtensions} with the
 * sparkeval jar on the class path ({@code --jars sparkeval.jar}) works for spark-sql,
 * spark-submit, PySpark and the Thrift server.
 */
public final class SparkevalExtensions extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {
  @Override public BoxedUnit apply(SparkSessionExtensions extensions) {
    SqlFunctions.descriptions().forEach(extensions::injectFunction);
    return BoxedUnit.UNIT;
  }
}
