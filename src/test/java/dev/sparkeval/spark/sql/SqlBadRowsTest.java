package dev.sparkeval.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.testkit.SparkTests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad rows in SQL: one line naming the call, the row and the value; bad_rows=skip skips and counts as --bad-rows skip. */
class SqlBadRowsTest {
  static SparkSession spark;
  static Dataset<Row> bad;

  @BeforeAll
  static void setUp() {
    spark = SparkTests.spark();
    Random r = new Random(8);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      double y = r.nextGaussian();
      Double p = i % 97 == 5 ? null : i % 89 == 7 ? Double.NaN : y + r.nextGaussian();
      Double w = i % 101 == 9 ? -1.0 : r.nextDouble();
      rows.add(RowFactory.create(y, p, w, i % 2 == 0 ? "a" : "b"));
    }
    bad = SqlTables.view("bad_preds", rows);
  }

  static UsageException failure(String query) {
    Exception e = assertThrows(Exception.class, () -> spark.sql(query).collect(), query);
    for (Throwable c = e; c != null; c = c.getCause()) if (c instanceof UsageException u) return u;
    throw new AssertionError("no UsageException in " + e, e);
  }

  static Evaluation.Builder evaluate(boolean skip) {
    return Evaluation.of(bad).task(Task.REGRESSION).weight("w").metric("mse", "mae").skipBadRows(skip);
  }

  @Test
  void aBadRowFailsWithOneLineNamingTheCallTheRowAndTheValue() {
    UsageException u = failure("SELECT mse(label, prediction, w), mae(label, prediction, w) FROM bad_preds");
    String m = u.getMessage();
    assertFalse(m.contains("\n"), m);
    assertTrue(m.startsWith("mse(label, prediction, w): bad row at partition "), m);
    UsageException ev = assertThrows(UsageException.class, () -> evaluate(false).run());
    String where = ev.getMessage().substring(ev.getMessage().indexOf("partition "), ev.getMessage().indexOf(":"));
    assertTrue(m.contains(where + " ("), "the same first bad row as evaluate (" + where + "): " + m);
    assertTrue(m.matches(".*\\(label = -?[0-9.E-]+, prediction = (NULL|NaN|-?[0-9.E-]+), w = -?[0-9.E-]+\\): .*"), m);
    assertTrue(m.contains(" bad rows in all: {"), m);
    assertTrue(m.endsWith("add 'bad_rows=skip' to the call to skip and count them"), m);
  }

  @Test
  void groupedCallsNameTheRowWithinItsGroup() {
    String m = failure("SELECT segment, mae(label, prediction) FROM bad_preds GROUP BY segment").getMessage();
    assertTrue(m.matches("mae\\(label, prediction\\): bad row at partition \\d+, row \\d+ of its group \\(label = .*, prediction = .*\\): prediction is .*"), m);
  }

  @Test
  void skipLeavesOutAndCountsExactlyAsEvaluateDoes() {
    Row row = spark.sql("SELECT mse(label, prediction, w, 'bad_rows=skip'), mae(label, prediction, w, 'bad_rows=skip'),"
        + " rows_skipped(label, prediction, w, 'bad_rows=skip') FROM bad_preds").first();
    Evaluation.Result ev = evaluate(true).run();
    assertEquals(Double.doubleToLongBits(ev.value("mse")), Double.doubleToLongBits(row.getDouble(0)));
    assertEquals(Double.doubleToLongBits(ev.value("mae")), Double.doubleToLongBits(row.getDouble(1)));
    Map<String, Long> counts = new TreeMap<>(row.<String, Long>getJavaMap(2));
    assertEquals(ev.skipped(), counts);
    assertEquals(3, counts.size(), counts.toString()); // null, NaN and negative weight
    Row clean = spark.sql("SELECT rows_skipped(label, prediction) FROM bad_preds WHERE prediction IS NOT NULL AND NOT isnan(prediction)").first();
    assertTrue(clean.getJavaMap(0).isEmpty());
  }

  @Test
  void skipWithEveryRowBadFailsAsEvaluateDoes() {
    String m = failure("SELECT mse(label, CAST(NULL AS DOUBLE), 'bad_rows=skip') FROM bad_preds").getMessage();
    assertTrue(m.contains("every row (600) is bad, nothing is left to evaluate: {null_prediction=600}"), m);
    Row grouped = spark.sql("SELECT segment, mse(label, CAST(NULL AS DOUBLE), 'bad_rows=skip') FROM bad_preds GROUP BY segment").first();
    assertTrue(grouped.isNullAt(1), "a group of bad rows only has no value");
  }

  @Test
  void binaryAndMulticlassVectorsDoNotMix() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) rows.add(RowFactory.create(1.0, new double[] {0.3, 0.7}));
    for (int i = 0; i < 10; i++) rows.add(RowFactory.create(2.0, new double[] {0.2, 0.3, 0.5}));
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("probability", DataTypes.createArrayType(DataTypes.DoubleType));
    org.apache.spark.api.java.JavaSparkContext jsc = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
    spark.createDataFrame(jsc.parallelize(rows, 2), schema).createOrReplaceTempView("mixed_widths");
    String m = failure("SELECT accuracy(label, probability) FROM mixed_widths").getMessage();
    assertEquals("accuracy(label, probability): prediction vectors have 2 elements in some partitions and 3 in others; every row must give the same number of classes", m);
  }

  @Test
  void badOptionValuesAreRefusedAtAnalysis() {
    Exception e = assertThrows(Exception.class, () -> spark.sql("SELECT mse(label, prediction, 'bad_rows=ignore') FROM bad_preds"));
    assertTrue(e.getMessage().contains("bad_rows must be fail or skip, got 'ignore'"), e.getMessage());
  }
}
