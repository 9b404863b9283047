package dev.sparkeval.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.spark.ml.SparkevalEvaluator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * {@code sparkeval_metric(task [, spec])}: what Spark ML's SparkevalEvaluator knows about its
 * metric, for clients without py4j (Python over Spark Connect): the spec (the task's default when
 * none is given) and whether larger is better, or why neither end is. Computed at analysis.
 */
final class MetricInfo {
  static final String NAME = "sparkeval_metric";
  private static final ObjectMapper JSON = new ObjectMapper();

  private MetricInfo() {}

  static Expression call(Seq<Expression> args) {
    List<Expression> a = CollectionConverters.asJava(args);
    String usage = NAME + "(task [, spec])";
    if (a.isEmpty() || a.size() > 2) throw new UsageException(NAME + " takes 1 or 2 arguments, got " + a.size() + ": " + usage);
    String task = EvaluationFunctions.constant(a.get(0), "the task", usage);
    String spec = a.size() == 2 ? EvaluationFunctions.constant(a.get(1), "the spec", usage) : null;
    return Literal.create(info(task, spec), DataTypes.StringType);
  }

  static String info(String taskId, String spec) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task", taskId);
    m.put("spec", spec);
    m.put("larger_is_better", null);
    m.put("why", null);
    try {
      Task t = Task.parse(taskId);
      String s = spec == null || spec.isBlank() ? SparkevalEvaluator.defaultMetric(t) : spec;
      m.put("spec", s);
      m.put("larger_is_better", SparkevalEvaluator.largerIsBetter(t, s, false, 0.5, false));
    } catch (UsageException e) {
      m.put("why", e.getMessage());
    }
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
