package dev.sparkeval.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.core.Task;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.testkit.SparkTests;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.rules.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/** The fusion rule: calls over the same columns and options share one state, the values stay evaluate's bit for bit. */
class FusionTest {
  static final String SIX = "mse(label, prediction), rmse(label, prediction), mae(label, prediction), huber(label, prediction),"
      + " r2(label, prediction), mean_error(label, prediction)";
  static final List<String> SIX_SPECS = List.of("mse", "rmse", "mae", "huber", "r2", "mean_error");
  static SparkSession spark;
  static Dataset<Row> preds;

  @BeforeAll
  static void setUp() {
    spark = SparkTests.spark();
    Random r = new Random(3);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      double y = r.nextGaussian() * 3;
      rows.add(RowFactory.create(y, y + r.nextGaussian(), r.nextDouble(), "s" + (i % 4)));
    }
    preds = SqlTables.view("fuse_preds", rows);
  }

  /** The fused aggregates of a query's optimized plan. */
  static Set<FusedAggregate> fused(Dataset<Row> df) {
    Set<FusedAggregate> out = new LinkedHashSet<>();
    LogicalPlan plan = df.queryExecution().optimizedPlan();
    plan.foreach(node -> {
      for (Expression e : CollectionConverters.asJava(node.expressions())) {
        e.foreach(x -> {
          if (x instanceof FusedAggregate f) out.add(f);
          if (x instanceof MetricAggregate) throw new AssertionError("an unfused call is left: " + x);
          return scala.runtime.BoxedUnit.UNIT;
        });
      }
      return scala.runtime.BoxedUnit.UNIT;
    });
    return out;
  }

  static Evaluation.Builder evaluate(Dataset<Row> table) {
    return Evaluation.of(table).task(Task.REGRESSION).label("label").prediction("prediction");
  }

  static void assertBits(double want, Row row, int i, String what) {
    assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(row.getDouble(i)), what + ": " + want + " vs " + row.getDouble(i));
  }

  @Test
  void sixCallsShareOneStateAndGiveEvaluatesBits() {
    Dataset<Row> df = spark.sql("SELECT " + SIX + " FROM fuse_preds");
    Set<FusedAggregate> f = fused(df);
    assertEquals(1, f.size(), f.toString());
    assertEquals(6, f.iterator().next().fusion().size());
    Row row = df.first();
    Evaluation.Result ev = evaluate(preds).metric(SIX_SPECS.toArray(new String[0])).run();
    for (int i = 0; i < 6; i++) assertBits(ev.value(SIX_SPECS.get(i)), row, i, SIX_SPECS.get(i));
  }

  @Test
  void callsFuseOnlyOverTheSameColumnsOptionsAndClauses() {
    Dataset<Row> df = spark.sql("SELECT segment, mse(label, prediction), huber(label, prediction, 0.5), mae(label, prediction, w),"
        + " mse(label, prediction, 'bad_rows=skip'), mae(label, prediction) FILTER (WHERE w > 0.5), r2(label, prediction) FILTER (WHERE w > 0.5),"
        + " mse(label, prediction) * 2 AS twice, rmse(label, prediction) FROM fuse_preds GROUP BY segment ORDER BY segment");
    Set<FusedAggregate> f = fused(df);
    assertEquals(4, f.size(), f.toString()); // unweighted; weighted; bad_rows=skip; filtered
    List<Row> rows = df.collectAsList();
    for (Row row : rows) {
      Dataset<Row> seg = preds.where("segment = '" + row.getString(0) + "'");
      Evaluation.Result all = evaluate(seg).metric("mse", "huber:delta=0.5", "rmse").run();
      Evaluation.Result weighted = evaluate(seg).weight("w").metric("mae").run();
      Evaluation.Result filtered = evaluate(seg.where("w > 0.5")).metric("mae", "r2").run();
      assertBits(all.value("mse"), row, 1, "mse");
      assertBits(all.value("huber:delta=0.5"), row, 2, "huber");
      assertBits(weighted.value("mae"), row, 3, "weighted mae");
      assertBits(all.value("mse"), row, 4, "mse skip");
      assertBits(filtered.value("mae"), row, 5, "filtered mae");
      assertBits(filtered.value("r2"), row, 6, "filtered r2");
      assertBits(all.value("mse") * 2, row, 7, "mse * 2");
      assertBits(all.value("rmse"), row, 8, "rmse");
    }
    assertEquals(4, rows.size());
  }

  @Test
  void distinctFoldsTheDistinctRows() {
    Dataset<Row> df = spark.sql("SELECT mse(DISTINCT label, prediction), mae(DISTINCT label, prediction), mse(label, prediction)"
        + " FROM (SELECT * FROM fuse_preds UNION ALL SELECT * FROM fuse_preds)");
    Row row = df.first();
    Evaluation.Result distinct = evaluate(preds.select("label", "prediction").distinct()).metric("mse", "mae").run();
    Evaluation.Result twice = evaluate(preds.union(preds)).metric("mse").run();
    assertBits(distinct.value("mse"), row, 0, "distinct mse");
    assertBits(distinct.value("mae"), row, 1, "distinct mae");
    assertBits(twice.value("mse"), row, 2, "mse of the doubled table");
  }

  @Test
  void theSameCallTwiceIsOneMeasure() {
    Row row = spark.sql("SELECT huber(label, prediction, 0.5), huber(label, prediction, 'delta=0.5'), mse(label, prediction),"
        + " mse(label, prediction) FROM fuse_preds").first();
    Evaluation.Result ev = evaluate(preds).metric("huber:delta=0.5", "mse").run();
    assertBits(ev.value("huber:delta=0.5"), row, 0, "huber");
    assertBits(ev.value("huber:delta=0.5"), row, 1, "huber by spec string");
    assertBits(ev.value("mse"), row, 2, "mse");
    assertBits(ev.value("mse"), row, 3, "mse again");
  }

  @Test
  void noRowsIsNullOverallAndNoGroups() {
    Row none = spark.sql("SELECT mse(label, prediction), rows_skipped(label, prediction) FROM fuse_preds WHERE label > 1e9").first();
    assertTrue(none.isNullAt(0));
    assertTrue(none.getJavaMap(1).isEmpty());
    assertEquals(0, spark.sql("SELECT segment, mse(label, prediction) FROM fuse_preds WHERE label > 1e9 GROUP BY segment").count());
  }

  @Test
  void windowFunctionsFoldTheirOwnState() {
    List<Row> rows = spark.sql("SELECT segment, mae(label, prediction) OVER (PARTITION BY segment) FROM fuse_preds").collectAsList();
    assertEquals(2000, rows.size());
    for (Row row : rows.subList(0, 10)) {
      double want = evaluate(preds.where("segment = '" + row.getString(0) + "'")).metric("mae").run().value("mae");
      assertBits(want, row, 1, "windowed mae");
    }
  }

  @Test
  void theExtensionRegistersTheRule() {
    SparkSessionExtensions ext = new SparkSessionExtensions();
    new dev.sparkeval.spark.SparkevalExtensions().apply(ext);
    List<Rule<LogicalPlan>> rules = CollectionConverters.asJava(ext.buildOptimizerRules(spark));
    assertTrue(rules.stream().anyMatch(r -> r instanceof FuseMetrics), rules.toString());
    assertTrue(CollectionConverters.asJava(ext.buildPlannerStrategies(spark)).stream().anyMatch(r -> r instanceof FusedStrategy));
    assertTrue(CollectionConverters.asJava(spark.experimental().extraStrategies()).stream().filter(r -> r instanceof FusedStrategy).count() == 1);
    assertTrue(CollectionConverters.asJava(spark.experimental().extraOptimizations()).stream().filter(r -> r instanceof FuseMetrics).count() == 1,
        "register adds the rule once, however often it is called");
    SqlFunctions.register(spark);
    assertEquals(1, CollectionConverters.asJava(spark.experimental().extraOptimizations()).stream().filter(r -> r instanceof FuseMetrics).count());
  }

}
