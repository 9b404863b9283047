package dev.sparkeval.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.catalog.Catalogs;
import dev.sparkeval.core.Entry;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.testkit.SparkTests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SQL aggregate functions: the same bits as evaluate, overall and per group, with parameters and weights. */
class SqlFunctionsTest {
  static SparkSession spark;
  static Dataset<Row> preds;

  @BeforeAll
  static void setUp() {
    spark = SparkTests.spark();
    SqlFunctions.register(spark);
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("prediction", DataTypes.FloatType)
        .add("w", DataTypes.DoubleType).add("segment", DataTypes.StringType).add("n", DataTypes.IntegerType);
    Random r = new Random(11);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) { // positive labels and predictions: in every regression measure's domain (deviances, msle)
      double y = Math.abs(50 + r.nextGaussian() * 20) + 0.5;
      rows.add(RowFactory.create(y, (float) (Math.abs(y + r.nextGaussian() * 5) + 0.5), r.nextDouble() * 2, "s" + (i % 5), i % 7));
    }
    preds = spark.createDataFrame(rows, schema).repartition(3);
    preds.createOrReplaceTempView("preds");
  }

  /** Every regression entry, called with its defaults, equals evaluate's value bit for bit, per group and weighted. */
  @Test
  void everyEntryEqualsEvaluateBitForBit() {
    List<String> names = new ArrayList<>();
    for (Entry e : Catalogs.standard().entries()) if (e.tasks().contains(Task.REGRESSION)) names.add(e.name());
    for (boolean weighted : new boolean[] {false, true}) {
      StringBuilder q = new StringBuilder("SELECT segment");
      for (String n : names) q.append(", ").append(n).append("(label, prediction").append(weighted ? ", w" : "").append(") AS `").append(n).append('`');
      q.append(" FROM preds GROUP BY segment");
      Evaluation.Result ev = evaluate(names, weighted);
      List<Row> rows = spark.sql(q.toString()).collectAsList();
      assertEquals(5, rows.size());
      for (Row row : rows) {
        Evaluation.SliceResult s = ev.slices().stream().filter(x -> x.slice().get("segment").equals(row.getString(0))).findFirst().orElseThrow();
        for (int i = 0; i < names.size(); i++) {
          double want = value(s.outcome().losses(), s.outcome().metrics(), names.get(i));
          assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(row.getDouble(i + 1)),
              names.get(i) + " weighted=" + weighted + " segment " + row.getString(0) + ": " + want + " vs " + row.getDouble(i + 1));
        }
      }
    }
  }

  static double value(Map<String, dev.sparkeval.core.Value> l, Map<String, dev.sparkeval.core.Value> m, String spec) {
    return (l.containsKey(spec) ? l.get(spec) : m.get(spec)).value();
  }

  static Evaluation.Result evaluate(List<String> metrics, boolean weighted) {
    Evaluation.Builder b = Evaluation.of(preds).task(Task.REGRESSION).label("label").prediction("prediction")
        .metric(metrics.toArray(String[]::new)).slice("segment");
    if (weighted) b.weight("w");
    return b.run();
  }

  @Test
  void parametersByPositionOrBySpecStringGiveTheSpecValue() {
    Evaluation.Result ev = evaluate(List.of("huber:delta=0.5", "quantile:q=0.9"), true);
    Row row = spark.sql("SELECT huber(label, prediction, w, 0.5), huber(label, prediction, w, 'delta=0.5'),"
        + " quantile(label, prediction, w, 9e-1), quantile(label, prediction, w, 'q = 0.9') FROM preds").first();
    double huber = ev.overall().metrics().get("huber:delta=0.5").value();
    double quantile = ev.overall().metrics().get("quantile:q=0.9").value();
    assertEquals(huber, row.getDouble(0), 0.0);
    assertEquals(huber, row.getDouble(1), 0.0);
    assertEquals(quantile, row.getDouble(2), 0.0);
    assertEquals(quantile, row.getDouble(3), 0.0);
  }

  @Test
  void undefinedIsNullAndColumnNamesReadLikeTheCall() {
    Dataset<Row> df = spark.sql("SELECT r2(label, prediction) FROM preds WHERE n = 0 AND segment = 's0' LIMIT 1");
    assertEquals("r2(label, prediction)", df.columns()[0]);
    Row one = spark.sql("SELECT r2(label, prediction) FROM (SELECT * FROM preds LIMIT 1)").first();
    assertNull(one.get(0));
  }

  @Test
  void integerAndDecimalColumnsAreReadAsEvaluateReadsThem() {
    Row row = spark.sql("SELECT mae(n, CAST(label AS DECIMAL(10, 3))) FROM preds").first();
    double want = Evaluation.of(preds.selectExpr("n", "CAST(label AS DECIMAL(10, 3)) AS d")).task(Task.REGRESSION)
        .label("n").prediction("d").loss("mae").run().overall().losses().get("mae").value();
    assertEquals(want, row.getDouble(0), 0.0);
  }

  @Test
  void badRowsFailNamingTheFault() {
    Exception e = assertThrows(Exception.class,
        () -> spark.sql("SELECT mse(label, IF(n = 3, NULL, prediction)) FROM preds").collect());
    UsageException u = cause(e);
    assertTrue(u.getMessage().contains("prediction is null"), u.getMessage());
    assertTrue(u.getMessage().startsWith("mse(label, (IF((n = 3), NULL, prediction)))") || u.getMessage().startsWith("mse("), u.getMessage());
    Exception w = assertThrows(Exception.class, () -> spark.sql("SELECT mse(label, prediction, w - 1.5) FROM preds").collect());
    assertTrue(cause(w).getMessage().contains("weights must be finite and >= 0"), cause(w).getMessage());
  }

  static UsageException cause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) if (c instanceof UsageException u) return u;
    throw new AssertionError("no UsageException in " + t, t);
  }

  @Test
  void badCallsFailAnalysisWithAClearMessage() {
    assertMessage("SELECT huber(label, prediction, -1) FROM preds", "delta must be in (0, inf)");
    assertMessage("SELECT huber(label, prediction, 'delt=1') FROM preds", "has no parameter 'delt'");
    assertMessage("SELECT mse(label, prediction, 1.0) FROM preds", "takes 0 parameter value(s)");
    assertMessage("SELECT mse(label, segment) FROM preds", "fit none of its tasks (regression); for regression, the prediction has type string");
    assertMessage("SELECT mse(label, prediction, segment) FROM preds", "segment has type string; expected a number");
    assertMessage("SELECT huber(label, prediction, w, n) FROM preds", "must be a constant parameter value");
    assertMessage("SELECT mse(label) FROM preds", "needs at least 2 column arguments: mse(label, prediction [, weight]");
    assertMessage("SELECT mse(label, prediction, 'task=binary') FROM preds", "does not apply to task binary");
  }

  static void assertMessage(String query, String fragment) {
    Exception e = assertThrows(Exception.class, () -> spark.sql(query).collect(), query);
    assertTrue(String.valueOf(e.getMessage()).contains(fragment), query + " -> " + e.getMessage());
  }

  @Test
  void everyCatalogueNameIsRegisteredAndNoneShadowsASparkBuiltin() {
    FunctionRegistry builtin = FunctionRegistry.builtin();
    for (String name : sqlNames()) {
      assertTrue(spark.catalog().functionExists(name), name);
      assertTrue(!builtin.functionExists(new FunctionIdentifier(name)), name + " would shadow Spark's built-in function");
    }
    String usage = spark.sql("DESCRIBE FUNCTION huber").collectAsList().toString();
    assertTrue(usage.contains("delta=1"), usage);
  }

  @Test
  void theExtensionInjectsEveryName() {
    org.apache.spark.sql.SparkSessionExtensions ext = new org.apache.spark.sql.SparkSessionExtensions();
    new dev.sparkeval.spark.SparkevalExtensions().apply(ext);
    FunctionRegistry registry = ext.registerFunctions(FunctionRegistry.builtin().clone());
    for (String name : sqlNames()) {
      assertTrue(registry.functionExists(new FunctionIdentifier(name)), name);
    }
  }

  /** Every catalogue name as SQL calls it (map is Spark's, so mean_average_precision); the silhouette is no aggregate. */
  static List<String> sqlNames() {
    List<String> out = new java.util.ArrayList<>();
    for (String name : Catalogs.standard().names()) {
      if (name.equals("silhouette")) {
        assertTrue(!SqlFunctions.byName().containsKey(name), "the silhouette needs a second pass: no SQL aggregate");
        continue;
      }
      out.add(SqlFunctions.SQL_NAMES.getOrDefault(name, name));
    }
    return out;
  }
}
