package dev.sparkeval.spark.sql;

import dev.sparkeval.catalog.Catalogs;
import dev.sparkeval.core.Entry;
import dev.sparkeval.core.Param;
import dev.sparkeval.core.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.ExperimentalMethods;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import scala.Function1;
import scala.Option;
import scala.Tuple3;
import scala.collection.immutable.Seq;

/**
 * Every loss and metric of the catalogue as a Spark SQL aggregate function:
 * {@code NAME(label, prediction [, weight] [, params...])}, for example
 * {@code SELECT segment, mse(label, prediction), huber(label, prediction, 0.5) FROM preds GROUP BY segment}.
 * Register them in a session with {@link #register(SparkSession)}, or in every session with
 * {@code --conf spark.sql.extensions=dev.sparkeval.spark.SparkevalExtensions}.
 */
public final class SqlFunctions {
  private SqlFunctions() {}

  /** A function's registry entry: its name, its description and the builder of its expression. */
  public static List<Tuple3<FunctionIdentifier, ExpressionInfo, Function1<Seq<Expression>, Expression>>> descriptions() {
    List<Tuple3<FunctionIdentifier, ExpressionInfo, Function1<Seq<Expression>, Expression>>> out = new ArrayList<>();
    for (Map.Entry<String, List<Entry>> e : byName().entrySet()) {
      String name = e.getKey();
      Function1<Seq<Expression>, Expression> builder = args -> MetricAggregate.call(name, args);
      String sqlName = SQL_NAMES.getOrDefault(name, name);
      out.add(new Tuple3<>(new FunctionIdentifier(sqlName, Option.empty(), Option.empty()), info(name, e.getValue()), builder));
    }
    String counts = SqlCall.ROWS_SKIPPED;
    Function1<Seq<Expression>, Expression> builder = args -> MetricAggregate.call(counts, args);
    out.add(new Tuple3<>(new FunctionIdentifier(counts, Option.empty(), Option.empty()), countsInfo(), builder));
    return out;
  }

  /**
   * Registers every catalogue name (and rows_skipped) as an aggregate function in this session,
   * with the rule that fuses calls and the planner strategy that folds column batches; returns the
   * names. Calling it again changes nothing.
   */
  public static List<String> register(SparkSession spark) {
    FunctionRegistry registry = spark.sessionState().functionRegistry();
    List<String> names = new ArrayList<>();
    for (Tuple3<FunctionIdentifier, ExpressionInfo, Function1<Seq<Expression>, Expression>> d : descriptions()) {
      scala.Option<ExpressionInfo> had = registry.lookupFunction(d._1());
      // the jar's extension provider may have registered it already: registering again makes Spark warn
      if (had.isEmpty() || !d._2().getClassName().equals(had.get().getClassName())) registry.registerFunction(d._1(), d._2(), d._3());
      names.add(d._1().funcName());
    }
    ExperimentalMethods x = spark.experimental();
    synchronized (x) {
      if (!x.extraOptimizations().exists(r -> r instanceof FuseMetrics)) {
        x.extraOptimizations_$eq(appended(x.extraOptimizations(), new FuseMetrics()));
      }
      if (!x.extraStrategies().exists(r -> r instanceof FusedStrategy)) {
        x.extraStrategies_$eq(appended(x.extraStrategies(), new FusedStrategy()));
      }
    }
    return names;
  }

  private static <T> scala.collection.immutable.Seq<T> appended(scala.collection.immutable.Seq<T> seq, T item) {
    List<T> all = new ArrayList<>(scala.jdk.javaapi.CollectionConverters.asJava(seq));
    all.add(item);
    return scala.jdk.javaapi.CollectionConverters.asScala(all).toList();
  }

  /** Catalogue names that are Spark built-in functions, and the SQL name they take instead. */
  static final Map<String, String> SQL_NAMES = Map.of("map", "mean_average_precision");

  /**
   * Catalogue entries grouped by name, in catalogue order (one name may serve several tasks); the
   * silhouette is left out (its second pass over the table is no aggregate).
   */
  static Map<String, List<Entry>> byName() {
    Map<String, List<Entry>> m = new LinkedHashMap<>();
    for (Entry e : Catalogs.standard().entries()) {
      if (e.tasks().equals(java.util.Set.of(Task.CLUSTERING))) continue;
      m.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e);
    }
    return m;
  }

  static ExpressionInfo countsInfo() {
    String usage = "_FUNC_(label, prediction [, weight] [, 'key=value,...']) - the rows a call over the same columns and"
        + " options leaves out, by reason (a map, as evaluate's rows_skipped); with 'bad_rows=skip' it counts instead of failing."
        + " The task follows from the argument types or 'task=...'.";
    return new ExpressionInfo(MetricAggregate.class.getName(), null, SqlCall.ROWS_SKIPPED, usage, "", "", "", "agg_funcs", "", "", "java_udf");
  }

  static ExpressionInfo info(String name, List<Entry> entries) {
    StringBuilder usage = new StringBuilder("_FUNC_" + SqlCall.usage(name).substring(name.length()) + " - ");
    usage.append(entries.get(0).doc()).append(". Tasks: ")
        .append(entries.stream().flatMap(e -> e.tasks().stream()).distinct().sorted().map(Task::id).collect(Collectors.joining(", ")));
    List<Param> params = entries.get(0).params();
    if (!params.isEmpty()) {
      usage.append(". Parameters in order: ")
          .append(params.stream().map(p -> p.name() + "=" + p.defaultValue()).collect(Collectors.joining(", ")));
    }
    usage.append(". A constant string 'key=value,...' may also set the parameters and task, logits, threshold, class_weights.");
    return new ExpressionInfo(MetricAggregate.class.getName(), null, SQL_NAMES.getOrDefault(name, name), usage.toString(), "", "", "",
        "agg_funcs", "", "", "java_udf");
  }
}
