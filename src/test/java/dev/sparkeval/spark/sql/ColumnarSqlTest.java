package dev.sparkeval.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.testkit.SparkTests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.adaptive.QueryStageExec;
import scala.jdk.javaapi.CollectionConverters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner strategy: fused aggregates over the in-memory cache and vectorized parquet fold
 * column batches, over JSON they fold rows, and every path gives evaluate's bits, overall, per
 * group (also past the bound on groups held at once) and for bad rows. Plans are checked as they
 * ran, under adaptive execution (which wraps the cache scan in a query stage).
 */
class ColumnarSqlTest {
  @TempDir static Path dir;
  static SparkSession spark;
  static Dataset<Row> table;
  static String parquet;
  static String json;

  @BeforeAll
  static void setUp() {
    spark = SparkTests.spark();
    SqlFunctions.register(spark);
    table = spark.sql("SELECT CAST(id % 5000 AS STRING) AS key, CAST(id % 3 AS STRING) AS segment,"
        + " sin(id) * 10 AS label, sin(id) * 10 + cos(id * 7) AS prediction, CAST((id % 10) / 7.0 AS DOUBLE) AS w FROM range(0, 30000, 1, 3)");
    parquet = dir.resolve("t.parquet").toString();
    json = dir.resolve("t.json").toString();
    table.write().parquet(parquet);
    table.write().json(json);
  }

  static final String SIX = "mse(label, prediction, w), rmse(label, prediction, w), mae(label, prediction, w),"
      + " huber(label, prediction, w), r2(label, prediction, w), mean_error(label, prediction, w)";
  static final List<String> SPECS = List.of("mse", "rmse", "mae", "huber", "r2", "mean_error");

  /** The partial aggregate of the plan that ran (adaptive execution's final plan, into its query stages). */
  static FusedPartialExec partial(Dataset<Row> df) {
    try {
      df.collect();
    } catch (Exception e) {
      // a query failing on a bad row still ran its plan, which is what is looked at here
    }
    List<FusedPartialExec> found = new ArrayList<>();
    visit(df.queryExecution().executedPlan(), found);
    assertEquals(1, found.size(), df.queryExecution().executedPlan().toString());
    return found.get(0);
  }

  private static void visit(SparkPlan p, List<FusedPartialExec> found) {
    if (p instanceof FusedPartialExec f) found.add(f);
    if (p instanceof AdaptiveSparkPlanExec a) visit(a.executedPlan(), found);
    else if (p instanceof QueryStageExec q) visit(q.plan(), found);
    else for (SparkPlan c : CollectionConverters.asJava(p.children())) visit(c, found);
  }

  static Object source(Dataset<Row> df) {
    return FusedPartialExec.batches(partial(df).children().head());
  }

  static Evaluation.Builder evaluate() {
    return Evaluation.of(table).task(Task.REGRESSION).weight("w").metric(SPECS.toArray(new String[0]));
  }

  static void check(Dataset<Row> view, boolean columnar) {
    view.createOrReplaceTempView("columnar_t");
    Dataset<Row> df = spark.sql("SELECT " + SIX + " FROM columnar_t");
    if (columnar) assertNotNull(source(df), df.queryExecution().executedPlan().toString());
    else assertNull(source(df), df.queryExecution().executedPlan().toString());
    Row row = df.first();
    Evaluation.Result ev = evaluate().run();
    for (int i = 0; i < SPECS.size(); i++) {
      assertEquals(Double.doubleToLongBits(ev.value(SPECS.get(i))), Double.doubleToLongBits(row.getDouble(i)), SPECS.get(i));
    }
  }

  @Test
  void cacheParquetAndJsonGiveEvaluatesBits() {
    Dataset<Row> cached = spark.read().parquet(parquet).cache();
    cached.count();
    check(cached, true);
    cached.unpersist();
    check(spark.read().parquet(parquet), true);
    check(spark.read().schema(table.schema()).json(json), false);
  }

  @Test
  void groupsPastTheBoundEqualEvaluateSlices() {
    spark.read().parquet(parquet).createOrReplaceTempView("columnar_g");
    Dataset<Row> df = spark.sql("SELECT key, mse(label, prediction, w), r2(label, prediction, w) FROM columnar_g GROUP BY key");
    partial(df);
    List<Row> rows = df.collectAsList();
    assertTrue(rows.size() > PartialFold.MAX_GROUPS, "more groups than a task holds at once: " + rows.size());
    Evaluation.Result ev = Evaluation.of(table).task(Task.REGRESSION).weight("w").metric("mse", "r2").slice("key").run();
    java.util.Map<String, Evaluation.SliceResult> bySlice = new java.util.HashMap<>();
    for (Evaluation.SliceResult s : ev.slices()) bySlice.put(s.slice().get("key"), s);
    assertEquals(bySlice.size(), rows.size());
    for (Row r : rows) {
      Evaluation.SliceResult s = bySlice.get(r.getString(0));
      for (int i = 1; i <= 2; i++) {
        double want = s.outcome().metrics().get(i == 1 ? "mse" : "r2").value(); // NaN where undefined: all weights 0
        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(r.isNullAt(i) ? Double.NaN : r.getDouble(i)), r.getString(0));
      }
    }
  }

  @Test
  void badRowsAreNamedAlikeByColumnsAndRows() {
    String bad = dir.resolve("bad.parquet").toString();
    spark.read().parquet(parquet).selectExpr("label", "IF(key = '17' OR key = '4017', NULL, prediction) AS prediction",
        "IF(key = '23', -w, w) AS w").write().parquet(bad);
    spark.read().parquet(bad).createOrReplaceTempView("columnar_bad");
    Supplier<String> run = () -> {
      Dataset<Row> df = spark.sql("SELECT mse(label, prediction, w) FROM columnar_bad");
      Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, df::collect);
      for (Throwable c = e; c != null; c = c.getCause()) if (c instanceof UsageException u) return u.getMessage();
      throw new AssertionError(e);
    };
    String columnar = run.get();
    spark.conf().set("spark.sql.parquet.enableVectorizedReader", "false");
    try {
      assertNull(source(spark.sql("SELECT mse(label, prediction, w) FROM columnar_bad")));
      assertEquals(columnar, run.get());
    } finally {
      spark.conf().unset("spark.sql.parquet.enableVectorizedReader");
    }
    assertTrue(columnar.contains("{negative_weight="), columnar);
  }
}
