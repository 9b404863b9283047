package dev.sparkeval.spark.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.core.Role;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.report.Report;
import dev.sparkeval.report.ReportJson;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.testkit.SparkTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The columnar pass gives the report of the row path bit for bit: the same table read from
 * parquet (vectorized), from the in-memory cache (with and without a string column), and from
 * JSON (rows only), through every pass (column vectors, buffered rows, row by row), at several
 * partitionings, with slices, weights, bad rows skipped or named, bootstrap, and columns of
 * other number types (cast to double as Spark casts).
 */
class ColumnarPassTest {
  static SparkSession spark;
  static Path dir;
  static Map<String, Dataset<Row>> sources = new LinkedHashMap<>();

  @BeforeAll
  static void tables() throws Exception {
    spark = SparkTests.spark();
    dir = Files.createTempDirectory("columnar-pass");
    StructType schema = new StructType().add("segment", DataTypes.StringType).add("label", DataTypes.DoubleType)
        .add("prediction", DataTypes.DoubleType).add("w", DataTypes.DoubleType).add("y", DataTypes.DoubleType)
        .add("p", DataTypes.DoubleType).add("ilabel", DataTypes.IntegerType).add("fpred", DataTypes.FloatType)
        .add("lw", DataTypes.LongType).add("by", DataTypes.BooleanType);
    Random r = new Random(11);
    List<Row> rows = new ArrayList<>();
    String[] segments = {"a", "bb", "a long segment name", "ccc"};
    for (int i = 0; i < 9000; i++) {
      double label = r.nextInt(40) == 0 ? r.nextGaussian() * 1e9 : 50 + r.nextGaussian() * 10;
      double pred = label + r.nextGaussian() * 2;
      double w = r.nextInt(4) == 0 ? 1.0 : r.nextDouble() * 3;
      double p = Math.round(r.nextDouble() * 64) / 64.0;
      double y = r.nextDouble() < p ? 1 : 0;
      if (i % 613 == 7) y = 2;                          // label out of range
      if (i % 701 == 3) p = 1.25;                       // probability out of range
      if (i % 997 == 11) pred = Double.NaN;             // not finite
      if (i % 1201 == 5) w = -1;                        // negative weight
      rows.add(RowFactory.create(i % 809 == 1 ? null : segments[r.nextInt(segments.length)],
          i % 1499 == 2 ? null : label, pred, w, y, p, (int) Math.round(label), (float) pred, (long) (w * 4), y == 1));
    }
    Dataset<Row> t = spark.createDataFrame(rows, schema).repartition(3);
    String parquet = dir.resolve("t.parquet").toString();
    String json = dir.resolve("t.json").toString();
    String copy = dir.resolve("copy.parquet").toString(); // cached: a query of t.parquet must not find it in the cache
    t.write().parquet(parquet);
    t.write().parquet(copy);
    t.write().json(json);
    sources.put("json", spark.read().schema(schema).json(json));
    sources.put("parquet", spark.read().parquet(parquet));
    Dataset<Row> cached = spark.read().parquet(copy).cache();
    cached.count();
    sources.put("cache", cached);
    Dataset<Row> numeric = spark.read().parquet(copy).drop("segment").cache();
    numeric.count();
    sources.put("numeric cache", numeric);
  }

  @AfterAll
  static void cleanUp() {
    spark.conf().unset(Engine.PASS_CONF);
    for (Dataset<Row> d : sources.values()) d.unpersist();
  }

  static Evaluation.Builder settings(Task task, String label, String prediction, String weight, List<String> slices) {
    Evaluation.Builder b = Evaluation.settings().task(task).label(label).prediction(prediction)
        .slice(slices.toArray(String[]::new)).skipBadRows(true);
    return weight == null ? b : b.weight(weight);
  }

  /** The report as JSON, without the timing. */
  static String report(Dataset<Row> t, Evaluation.Settings s, String pass) {
    spark.conf().set(Engine.PASS_CONF, pass);
    try {
      // the recorded settings name --partitions, which changes no value
      return ReportJson.of(Report.evaluation(Evaluation.run(t, s), "t", 0, List.of(), 0)).replaceFirst("\"partitions\" : \\d+", "");
    } finally {
      spark.conf().unset(Engine.PASS_CONF);
    }
  }

  /** Every source, pass and partitioning gives the row-by-row report of the JSON table. */
  static void same(Evaluation.Builder b, String what) {
    same(sources, b, what);
  }

  static void same(Map<String, Dataset<Row>> sources, Evaluation.Builder b, String what) {
    Evaluation.Settings s = b.build();
    String expected = report(sources.get("json"), s, "row");
    for (Map.Entry<String, Dataset<Row>> src : sources.entrySet()) {
      if (!s.slices().isEmpty() && src.getKey().equals("numeric cache")) continue;
      for (String pass : List.of("columnar", "batch", "row")) {
        assertEquals(expected, report(src.getValue(), s, pass), what + ": " + src.getKey() + ", " + pass + " pass");
      }
    }
    for (int parts : new int[] {1, 4, 7}) {
      Evaluation.Settings p = Evaluation.settings().settings(s).partitions(parts).build();
      // the report records the partitions setting itself; everything else is the same to the bit
      assertEquals(expected.replace("\"partitions\" : 0,", "\"partitions\" : " + parts + ","),
          report(sources.get("parquet"), p, "columnar"), what + ": " + parts + " partitions");
    }
  }

  @Test
  void theColumnarSourcesAreFound() {
    Evaluation.Settings s = settings(Task.REGRESSION, "label", "prediction", "w", List.of()).build();
    for (String src : List.of("parquet", "cache", "numeric cache")) {
      Dataset<Row> t = sources.get(src);
      assertNotNull(ColumnarInput.of(t, binding(t, s)), src + " offers column batches");
    }
    Dataset<Row> json = sources.get("json");
    assertNull(ColumnarInput.of(json, binding(json, s)), "JSON is read as rows");
    Evaluation.Settings sliced = settings(Task.REGRESSION, "label", "prediction", "w", List.of("segment")).build();
    Dataset<Row> parquet = sources.get("parquet");
    assertNotNull(ColumnarInput.of(parquet, binding(parquet, sliced)), "parquet with a string slice column");
  }

  static String failure(Dataset<Row> t, Evaluation.Settings s, String pass) {
    spark.conf().set(Engine.PASS_CONF, pass);
    try {
      return assertThrows(UsageException.class, () -> Evaluation.run(t, s)).getMessage();
    } finally {
      spark.conf().unset(Engine.PASS_CONF);
    }
  }

  static Binding binding(Dataset<Row> t, Evaluation.Settings s) {
    return new Binding(t, s.columns(), dev.sparkeval.catalog.Tasks.shapes(s.task()), s.slices());
  }

  @Test
  void regressionWithWeightsSlicesAndBadRows() {
    same(settings(Task.REGRESSION, "label", "prediction", "w", List.of("segment"))
        .loss("mse", "rmse", "mae", "huber:delta=0.5", "log_cosh", "quantile:q=0.3", "sse")
        .metric("r2", "explained_variance", "mape", "mean_error"), "regression");
    same(settings(Task.REGRESSION, "label", "prediction", null, List.of())
        .loss("mse", "rmse", "mae", "huber:delta=0.5", "log_cosh", "quantile:q=0.3", "sse")
        .metric("r2", "explained_variance", "mape", "mean_error"), "regression, unweighted, unsliced");
  }

  @Test
  void binaryWithBootstrapAndOtherNumberTypes() {
    same(settings(Task.BINARY, "y", "p", "w", List.of("segment")).loss("bce", "focal")
        .metric("accuracy", "precision", "recall", "f1", "mcc", "auc_roc:bins=128", "auc_pr:bins=100", "auc_roc", "log_loss",
            "brier", "ece").bootstrap(8), "binary");
    same(settings(Task.BINARY, "by", "p", "lw", List.of()).metric("accuracy", "brier", "auc_roc"), "boolean label, long weight");
    same(settings(Task.REGRESSION, "ilabel", "fpred", null, List.of("segment")), "int label, float prediction");
  }

  @Test
  void logitsAndTheFirstBadRowNamedAsTheRowPathNamesIt() {
    Evaluation.Builder b = settings(Task.BINARY, "y", "prediction", null, List.of()).logits(true)
        .metric("accuracy", "auc_roc:bins=64", "log_loss").loss("bce", "focal");
    same(b, "logits");
    Evaluation.Settings s = b.skipBadRows(false).build();
    String expected = failure(sources.get("json"), s, "row");
    assertTrue(expected.startsWith("bad row at partition "), expected);
    for (Map.Entry<String, Dataset<Row>> src : sources.entrySet()) {
      for (String pass : List.of("columnar", "batch", "row")) {
        assertEquals(expected, failure(src.getValue(), s, pass), src.getKey() + ", " + pass + " pass");
      }
    }
  }

  /**
   * --ignore-index on the batch path: a batch with a padding row is checked row by row, so the
   * padding is left out and counted (overall and per slice) exactly as the row path does it, on
   * every source and pass; the same with a class as the ignore index (0, which the batch check
   * alone would take for a good label), and in SQL's column fold.
   */
  @Test
  void ignoredRowsAreLeftOutAndCountedAlikeOnEveryPath() throws Exception {
    Map<String, Dataset<Row>> padded = paddedSources();
    Evaluation.Builder b = settings(Task.BINARY, "padded", "p", "w", List.of("segment")).ignoreIndex(-100).loss("bce")
        .metric("accuracy", "f1", "auc_roc:bins=64", "auc_roc", "brier", "ece").bootstrap(4);
    same(padded, b, "ignore index -100");
    Evaluation.Result r = Evaluation.run(padded.get("parquet"), b.build());
    assertEquals(padded.get("parquet").filter("padded = -100").count(), r.rowsIgnored());
    assertTrue(r.rowsIgnored() >= 10, "padding rows: " + r.rowsIgnored());
    long inSlices = 0;
    for (Evaluation.SliceResult sr : r.slices()) inSlices += sr.rowsIgnored();
    assertEquals(r.rowsIgnored(), inSlices);
    same(settings(Task.BINARY, "y", "p", null, List.of()).ignoreIndex(0).metric("accuracy", "auc_roc:bins=64", "brier"),
        "ignore index 0 (a class)");
    Evaluation.Result zero = Evaluation.run(sources.get("cache"), settings(Task.BINARY, "y", "p", null, List.of()).ignoreIndex(0)
        .metric("recall").build());
    assertTrue(zero.rowsIgnored() > 1000, "class 0 rows are ignored: " + zero.rowsIgnored());

    dev.sparkeval.spark.sql.SqlFunctions.register(spark);
    double expected = Evaluation.run(padded.get("json"), settings(Task.BINARY, "padded", "p", "w", List.of())
        .ignoreIndex(-100).metric("accuracy").build()).value("accuracy");
    for (String src : padded.keySet()) {
      padded.get(src).createOrReplaceTempView("ignore_pass");
      double got = spark.sql("SELECT accuracy(padded, p, w, 'ignore_index=-100,bad_rows=skip') FROM ignore_pass").first().getDouble(0);
      assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(got), "SQL over " + src);
    }
  }

  /**
   * The table with a column {@code padded}: y, but -100 in every 50th of the first 1500 rows. The
   * rows are written in order in two or more files, so that the first file's batches hold padding
   * (checked row by row) and the others' none (checked as whole batches).
   */
  static Map<String, Dataset<Row>> paddedSources() throws Exception {
    Dataset<Row> json = sources.get("json");
    List<Row> rows = new ArrayList<>();
    int i = 0;
    for (Row row : json.select("segment", "p", "w", "y").collectAsList()) {
      Object y = row.get(3);
      rows.add(RowFactory.create(row.get(0), row.get(1), row.get(2), y, i < 1500 && i % 50 == 0 ? (Object) (-100.0) : y));
      i++;
    }
    StructType schema = new StructType().add("segment", DataTypes.StringType).add("p", DataTypes.DoubleType)
        .add("w", DataTypes.DoubleType).add("y", DataTypes.DoubleType).add("padded", DataTypes.DoubleType);
    Dataset<Row> t = spark.createDataFrame(rows, schema);
    String parquet = dir.resolve("padded.parquet").toString(), copy = dir.resolve("padded-copy.parquet").toString();
    String jsonPath = dir.resolve("padded.json").toString();
    t.write().parquet(parquet);
    t.write().parquet(copy);
    t.write().json(jsonPath);
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    out.put("json", spark.read().schema(schema).json(jsonPath));
    out.put("parquet", spark.read().parquet(parquet));
    Dataset<Row> cached = spark.read().parquet(copy).cache();
    cached.count();
    out.put("cache", cached);
    return out;
  }
}
