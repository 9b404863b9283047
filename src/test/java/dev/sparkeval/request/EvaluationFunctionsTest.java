package dev.sparkeval.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.report.Gates;
import dev.sparkeval.report.HtmlReport;
import dev.sparkeval.report.MetricsCsv;
import dev.sparkeval.report.Report;
import dev.sparkeval.report.ReportJson;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.testkit.SparkTests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * sparkeval_evaluate (one SQL aggregate) reports what the engine reports (EvaluationRequest.evaluate,
 * the command line's path with exact AUC's sort job), bit for bit, at any partitioning and row order.
 */
class EvaluationFunctionsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static SparkSession spark;
  static Dataset<Row> binary;
  static Dataset<Row> multiclass;

  @BeforeAll
  static void setUp() {
    spark = SparkTests.spark();
    // no registration: the jar's service file gives every session the functions
    Random r = new Random(5);
    List<Row> b = new ArrayList<>();
    List<Row> m = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      int y = r.nextInt(2);
      double p = Math.min(1, Math.max(0, 0.5 + (y - 0.5) * 0.4 + r.nextGaussian() * 0.25));
      double rounded = Math.round(p * 50) / 50.0; // ties, as real scores have
      b.add(RowFactory.create(y, rounded, r.nextDouble() * 3, "s" + (i % 4), i % 3 == 0 ? null : "t" + (i % 2), i));
      double[] q = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
      double sum = q[0] + q[1] + q[2];
      m.add(RowFactory.create((double) r.nextInt(3), Vectors.dense(q[0] / sum, q[1] / sum, q[2] / sum), "g" + (i % 3)));
    }
    binary = spark.createDataFrame(b, new StructType().add("label", DataTypes.IntegerType).add("p", DataTypes.DoubleType)
        .add("w", DataTypes.DoubleType).add("seg", DataTypes.StringType).add("tag", DataTypes.StringType).add("id", DataTypes.IntegerType));
    multiclass = spark.createDataFrame(m, new StructType().add("label", DataTypes.DoubleType)
        .add("probability", new org.apache.spark.ml.linalg.VectorUDT()).add("g", DataTypes.StringType));
  }

  static String sql(Dataset<Row> df, String options) {
    return df.selectExpr("sparkeval_evaluate(struct(*), '" + options.replace("'", "\\'") + "')").head().getString(0);
  }

  static String engine(Dataset<Row> df, String options) {
    return EvaluationRequest.evaluate(df, options);
  }

  @Test
  void binaryWithSlicesWeightsExactAucAndBootstrapEqualsTheEngineAtAnyPartitioning() {
    String options = "--task binary --prediction p --weight w --loss bce --metric auc_roc --metric auc_pr --metric f1"
        + " --metric ece:bins=10 --slice seg,tag --bootstrap 20 --threshold 0.4 --gate auc_roc>=0.6";
    String want = engine(binary, options);
    assertTrue(want.contains("\"auc_roc\" : 0.") && want.contains("\"intervals\"") && want.contains("\"gates\""), want);
    for (int parts : new int[] {1, 3, 7}) {
      assertEquals(want, sql(binary.repartition(parts), options), parts + " partitions");
    }
    assertEquals(want, sql(binary.orderBy("p", "id"), options), "sorted");
  }

  /** Order statistics (medians, ranks): the engine completes them by its sort job, the aggregate in its buffer. */
  @Test
  void orderStatisticsEqualTheEngine() {
    Dataset<Row> reg = binary.selectExpr("p * 10 + id % 3 AS label", "w * 4 AS prediction", "seg");
    String options = "--task regression --loss mae --metric median_absolute_error --metric spearman --metric pearson --slice seg";
    String want = engine(reg, options);
    assertTrue(want.contains("\"median_absolute_error\" : ") && want.contains("\"spearman\" : "), want);
    assertEquals(want, sql(reg.repartition(4), options));
  }

  @Test
  void multiclassVectorsAndClassWeightsEqualTheEngine() {
    String options = "[\"--task\", \"multiclass\", \"--loss\", \"cross_entropy:label_smoothing=0.1\", \"--metric\","
        + " \"f1:average=macro\", \"--metric\", \"auc_roc\", \"--class-weights\", \"1,2,0.5\", \"--slice\", \"g\"]";
    assertEquals(engine(multiclass, options), sql(multiclass.repartition(5), options));
  }

  @Test
  void aRunThatCannotBeReportedReturnsTheEnginesError() {
    Dataset<Row> bad = binary.selectExpr("label", "CASE WHEN id = 7 THEN NULL ELSE p END AS p").coalesce(1);
    String want = engine(bad, "--task binary --prediction p");
    assertTrue(want.startsWith("{\"error\":\"bad row at partition 0, row 7: prediction is null"), want);
    assertEquals(want, sql(bad, "--task binary --prediction p"));
    assertEquals(engine(binary, "--task binary --prediction p --slice id --max-slices 10"),
        sql(binary, "--task binary --prediction p --slice id --max-slices 10"));
  }

  /** In GROUP BY, each group's report holds the values the engine gives that group as a slice. */
  @Test
  void groupByGivesEachGroupsValues() throws Exception {
    String options = "--task binary --prediction p --weight w --loss bce --metric auc_roc";
    Map<String, Object> sliced = JSON.readValue(engine(binary, options + " --slice seg"), new TypeReference<>() {});
    Map<String, Object> bySeg = new LinkedHashMap<>();
    for (Object o : (List<?>) sliced.get("slices")) {
      Map<?, ?> s = (Map<?, ?>) o;
      bySeg.put((String) ((Map<?, ?>) s.get("slice")).get("seg"), List.of(s.get("losses"), s.get("metrics")));
    }
    Map<String, Object> grouped = new LinkedHashMap<>();
    for (Row r : binary.repartition(3).groupBy("seg").agg(functions.expr("sparkeval_evaluate(struct(*), '" + options + "')"))
        .collectAsList()) {
      Map<String, Object> report = JSON.readValue(r.getString(1), new TypeReference<>() {});
      grouped.put(r.getString(0), List.of(report.get("losses"), report.get("metrics")));
    }
    assertEquals(new java.util.TreeMap<>(bySeg), new java.util.TreeMap<>(grouped));
  }

  /**
   * Ranking's array layout (a row per query) is one aggregate and equals the engine; the long layout
   * (grouped by query first) and the silhouette (a second pass) are refused with one line, while the
   * engine's path (Python on Classic sessions) runs them through the shared --query and --features.
   */
  @Test
  void rankingArraysEqualTheEngineAndGroupedOrTwoPassTasksAreRefused() {
    Dataset<Row> items = binary.selectExpr("id % 100 AS q", "p AS score", "label AS grade", "seg");
    Dataset<Row> arrays = items.selectExpr("q", "score", "grade", "monotonically_increasing_id() AS item").groupBy("q").agg(
        functions.expr("transform(sort_array(collect_list(struct(-score, item))), x -> CAST(x.item AS DOUBLE))").alias("prediction"),
        functions.expr("collect_list(CASE WHEN grade > 0 THEN CAST(item AS DOUBLE) END)").alias("label"));
    String options = "--task ranking --metric ndcg:k=5 --metric map --metric mrr --metric precision:k=3 --metric hit_rate:k=2";
    String want = engine(arrays, options);
    assertTrue(want.contains("\"ndcg:k=5\" : 0.") && want.contains("\"layout\" : \"arrays\""), want);
    assertEquals(want, sql(arrays.repartition(3), options));

    String grouped = "--task ranking --query q --prediction score --label grade --metric ndcg:k=5 --metric auc_roc --slice seg";
    String report = engine(items, grouped); // seg is constant within a query (q = id % 100, seg = id % 4)
    assertTrue(report.contains("\"auc_roc\" : 0.") && report.contains("\"layout\" : \"long\""), report);
    AnalysisException e = assertThrows(AnalysisException.class, () -> sql(items, grouped));
    assertTrue(e.getMessageParameters().get("errorMessage").startsWith("sparkeval_evaluate: ranking's long layout (--query)"),
        e.getMessage());
    Dataset<Row> points = multiclass.selectExpr("probability AS features", "label AS prediction");
    e = assertThrows(AnalysisException.class, () -> sql(points, "--task clustering --metric silhouette"));
    assertTrue(e.getMessageParameters().get("errorMessage").startsWith("sparkeval_evaluate: the silhouette needs a second pass"),
        e.getMessage());
    assertTrue(engine(points, "--task clustering --features features --metric silhouette").contains("\"silhouette\" : "));
  }

  @Test
  void badCallsFailAnalysisWithTheOneLine() {
    AnalysisException e = assertThrows(AnalysisException.class, () -> sql(binary, "--task binary --prediction q"));
    assertEquals("USER_RAISED_EXCEPTION", e.getCondition());
    assertTrue(e.getMessageParameters().get("errorMessage").startsWith("--prediction column 'q' is not in the table"),
        e.getMessage());
    e = assertThrows(AnalysisException.class, () -> sql(binary, "--task binary --out x"));
    assertTrue(e.getMessage().contains("sparkeval_evaluate: --out is not one of its options"), e.getMessage());
    e = assertThrows(AnalysisException.class, () -> binary.selectExpr("sparkeval_evaluate(struct(*), seg)").head());
    assertTrue(e.getMessage().contains("the options must be a constant string"), e.getMessage());
  }

  @Test
  void optionsAsWordsWithQuotesOrAsAJsonArray() {
    assertEquals(List.of("--task", "binary", "--slice", "a b", "--metric", "f1"),
        EvaluationRequest.arguments(" --task binary --slice 'a b'  --metric \"f1\" "));
    assertEquals(List.of("--task", "x y"), EvaluationRequest.arguments("[\"--task\", \"x y\"]"));
  }

  /** report.json read back into the record renders the files of the record the command line builds, byte for byte. */
  @Test
  void reportRendersTheCommandLinesFiles() {
    EvaluationRequest q = EvaluationRequest.parse("--task binary --prediction p --metric accuracy --metric auc_roc --slice seg"
        + " --bootstrap 10 --gate accuracy>=0.5 --min-slice-rows 10");
    Evaluation.Result r = Evaluation.run(binary, q.settings);
    Report direct = q.options.report(r, "preds.parquet", Gates.check(q.gates, r.overall()), 1.25);
    String json = ReportJson.of(direct);
    Row files = spark.sql("SELECT sparkeval_report(:r, 'report.json'), sparkeval_report(:r, 'metrics.csv'),"
        + " sparkeval_report(:r, 'report.html', 'auc_roc')", Map.of("r", json)).head();
    assertEquals(json, files.getString(0));
    assertEquals(MetricsCsv.of(direct), files.getString(1));
    assertEquals(HtmlReport.html(direct, null, new HtmlReport.Options("auc_roc")), files.getString(2));
    assertTrue(files.getString(2).contains("seg = s1"), files.getString(2));
  }
}
