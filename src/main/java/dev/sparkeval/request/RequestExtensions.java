package dev.sparkeval.request;

import dev.sparkeval.spark.SparkevalExtensions;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.SparkSessionExtensionsProvider;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * Registers sparkeval_evaluate, sparkeval_report and sparkeval_metric in every session that has
 * the jar: Spark finds this class through the jar's SparkSessionExtensionsProvider service file
 * (beside {@link SparkevalExtensions}, which registers the catalogue's functions).
 */
public final class RequestExtensions extends AbstractFunction1<SparkSessionExtensions, BoxedUnit>
    implements SparkSessionExtensionsProvider {
  @Override public BoxedUnit apply(SparkSessionExtensions extensions) {
    SparkevalExtensions.injectOnce(RequestExtensions.class, extensions, EvaluationFunctions.descriptions());
    return BoxedUnit.UNIT;
  }
}
