package dev.sparkeval.request;

import dev.sparkeval.core.UsageException;
import dev.sparkeval.spark.Evaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.expressions.Cast;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.catalyst.expressions.GetStructField;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.objects.StaticInvoke;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Function1;
import scala.Option;
import scala.Tuple3;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The SQL functions behind the Python package, usable from any SQL as well (they need no py4j,
 * so they work over Spark Connect):
 * <ul>
 * <li>{@code sparkeval_evaluate(struct(*), 'options')}: the whole evaluation as report.json, one
 *   aggregate over the rows (the evaluate command's options as command-line words or a JSON array);
 * <li>{@code sparkeval_report(report_json, 'report.html' | 'metrics.csv' | 'report.json' [, slice_metric])}:
 *   the command line's files rendered from a report;
 * <li>{@code sparkeval_metric(task [, spec])}: the spec an Evaluator returns by default and which way is better.
 * </ul>
 * A bad call fails analysis, before any row is read, with Spark's USER_RAISED_EXCEPTION condition
 * whose message is the command line's one line.
 */
public final class EvaluationFunctions {
  private EvaluationFunctions() {}

  public static List<Tuple3<FunctionIdentifier, ExpressionInfo, Function1<Seq<Expression>, Expression>>> descriptions() {
    List<Tuple3<FunctionIdentifier, ExpressionInfo, Function1<Seq<Expression>, Expression>>> out = new ArrayList<>();
    out.add(entry(EvaluationRequest.NAME, EvaluationAggregate.class, "agg_funcs",
        "_FUNC_(struct(*), 'options') - the whole evaluation of the rows as report.json: the evaluate command's options"
            + " ('--task binary --metric auc_roc --slice segment' or a JSON array of them), every loss and metric overall and"
            + " per slice in one pass, values equal to the command line's bit for bit; {\"error\": ...} when the rows cannot"
            + " be evaluated (bad rows, too many slices).",
        EvaluationFunctions::evaluate));
    out.add(entry(ReportText.NAME, ReportText.class, "misc_funcs",
        "_FUNC_(report_json, file [, slice_metric]) - the text of report.html, metrics.csv or report.json, rendered from"
            + " a report as the command line writes them.",
        ReportText::call));
    out.add(entry(MetricInfo.NAME, MetricInfo.class, "misc_funcs",
        "_FUNC_(task [, spec]) - JSON {task, spec, larger_is_better, why}: the spec (by default the task's, as the Spark ML"
            + " Evaluator uses) and whether larger values are better (null, with why, when neither end is).",
        MetricInfo::call));
    return out;
  }

  private static Tuple3<FunctionIdentifier, ExpressionInfo, Function1<Seq<Expression>, Expression>> entry(
      String name, Class<?> cls, String group, String usage, Function1<Seq<Expression>, Expression> builder) {
    ExpressionInfo info = new ExpressionInfo(cls.getName(), null, name, usage, "", "", "", group, "", "", "java_udf");
    Function1<Seq<Expression>, Expression> guarded = args -> {
      try {
        return builder.apply(args);
      } catch (UsageException e) {
        throw EvaluationFunctions.<RuntimeException>rethrow(failure(e.getMessage()));
      }
    };
    return new Tuple3<>(new FunctionIdentifier(name, Option.empty(), Option.empty()), info, guarded);
  }

  /** Throws a checked exception (AnalysisException is one to javac) from a Scala function. */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E rethrow(Throwable t) throws E {
    throw (E) t;
  }

  /** A bad call: Spark's condition for a user's message, so every client (Classic, Connect) gets the one line. */
  static AnalysisException failure(String message) {
    scala.collection.immutable.Map<String, String> params =
        scala.collection.immutable.Map$.MODULE$.from(CollectionConverters.asScala(Map.of("errorMessage", message)));
    return new AnalysisException("USER_RAISED_EXCEPTION", params);
  }

  /**
   * Binds the struct's fields as the evaluate command binds table columns and returns the aggregate
   * over exactly those fields, cast as the engine reads them: Spark's optimizer reduces
   * {@code struct(*)} to the columns read, so a wide table costs no more than its bound columns.
   */
  static Expression evaluate(Seq<Expression> args) {
    List<Expression> a = CollectionConverters.asJava(args);
    String usage = EvaluationRequest.NAME + "(struct(*), '--task T [options]')";
    if (a.size() != 2) throw new UsageException(EvaluationRequest.NAME + " takes 2 arguments, got " + a.size() + ": " + usage);
    Expression struct = a.get(0);
    if (!(struct.dataType() instanceof StructType schema)) {
      throw new UsageException(EvaluationRequest.NAME + ": the first argument has type " + struct.dataType().simpleString()
          + "; expected a struct of the table's columns, such as struct(*): " + usage);
    }
    String options = constant(a.get(1), "the options", usage);
    EvaluationRequest q = EvaluationRequest.parse(options);
    Evaluation.Prepared pr = q.prepare(schema);
    List<Expression> columns = pr.binding().expressions(name -> new GetStructField(struct, ordinal(schema, name), Option.apply(name)));
    return new EvaluationAggregate(CollectionConverters.asScala(columns).toList(), options, schema, 0, 0);
  }

  private static int ordinal(StructType schema, String name) {
    String[] names = schema.fieldNames();
    for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return i;
    throw new IllegalStateException(name + " was bound but is not in " + schema.simpleString());
  }

  /** A constant string argument's value (the options, a file name, a task); a column there is a usage error. */
  static String constant(Expression e, String what, String usage) {
    if (!e.foldable()) throw new UsageException(what + " must be a constant string, not a column (" + e.sql() + "): " + usage);
    Object v = e.eval(null);
    return v == null ? null : v.toString();
  }

  /** The argument as a string expression (file names and specs may be given as any constant). */
  static Expression string(Expression e) {
    return e.dataType().equals(DataTypes.StringType) ? e : new Cast(e, DataTypes.StringType, Option.empty());
  }

  static Expression invoke(Class<?> cls, String method, List<Expression> args) {
    return new StaticInvoke(cls, DataTypes.StringType, method, CollectionConverters.asScala(args).toList(),
        CollectionConverters.asScala(List.<org.apache.spark.sql.types.AbstractDataType>of()).toList(), false, true, true,
        Option.empty());
  }

  static Literal nullString() {
    return Literal.create(null, DataTypes.StringType);
  }
}
