package dev.sparkeval.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.core.Task;
import dev.sparkeval.core.Value;
import dev.sparkeval.testkit.SparkTests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The order statistics through the sort jobs (OrderJob, SpearmanJob): the same bits at 1, 3 and 7
 * partitions, equal to the plain-Java path (values sorted in memory), overall and per slice, on
 * tables with heavy ties and with more distinct values than a layout has bins (so walks start
 * mid-stream from exact offsets, in several partitions: the sort ranges are made small here).
 */
class OrderStatisticsSparkTest {
  static final String ROWS_PER_RANGE = "spark.sparkeval.sortRowsPerRange";

  @BeforeAll
  static void smallRanges() {
    SparkTests.spark().conf().set(ROWS_PER_RANGE, "300");
  }

  @AfterAll
  static void defaultRanges() {
    SparkTests.spark().conf().unset(ROWS_PER_RANGE);
  }

  static final List<String> REGRESSION = List.of("median_absolute_error", "d2_absolute_error", "d2_pinball:alpha=0.1",
      "d2_pinball:alpha=0.9", "spearman", "max_error", "msle", "pearson", "concordance", "d2_gamma",
      "nrmse:normalization=range", "rse", "poisson_deviance", "mae");
  static final List<String> BINARY = List.of("auc_roc", "auc_pr", "auc_pr:method=trapezoid", "auc_roc:max_fpr=0.1",
      "auc_roc:max_fpr=0.3", "eer", "hinge", "squared_hinge", "lr_plus", "lr_minus", "ece:norm=l2", "ece:norm=max",
      "bce:label_smoothing=0.1");
  static final List<String> MULTICLASS = List.of("auc_roc", "auc_roc:multi_class=ovo", "auc_roc:multi_class=ovo,average=weighted",
      "auc_roc:average=micro", "auc_pr", "auc_pr:average=micro");
  static final List<String> MULTILABEL = List.of("auc_roc", "auc_roc:average=micro", "auc_pr:average=micro", "auc_pr");

  /** Positive labels and predictions; coarse ones are heavily tied, fine ones nearly all distinct. */
  static Dataset<Row> regression(int n, boolean coarse, long seed) {
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("prediction", DataTypes.DoubleType)
        .add("w", DataTypes.DoubleType).add("segment", DataTypes.StringType);
    Random r = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double y = 0.5 + Math.abs(r.nextGaussian()) * 20;
      double p = y * Math.exp(0.3 * r.nextGaussian());
      if (coarse) {
        y = Math.round(y);
        p = Math.round(p * 2) / 2.0;
      }
      rows.add(RowFactory.create(Math.max(y, 0.5), Math.max(p, 0.5), r.nextInt(5) == 0 ? 0.0 : r.nextDouble() * 2,
          i % 3 == 0 ? "web" : "app"));
    }
    return SparkTests.spark().createDataFrame(rows, schema);
  }

  /** Probability vectors, continuous (thousands of distinct scores) or on a 1/40 grid. */
  static Dataset<Row> binary(int n, boolean grid, long seed) {
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("probability", SQLDataTypes.VectorType())
        .add("w", DataTypes.DoubleType).add("segment", DataTypes.StringType);
    Random r = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double p = r.nextDouble();
      if (grid) p = Math.round(p * 40) / 40.0;
      double y = r.nextDouble() < 0.1 + 0.8 * p ? 1 : 0;
      rows.add(RowFactory.create(y, Vectors.dense(1 - p, p), r.nextInt(6) == 0 ? 0.0 : r.nextDouble() * 3,
          i % 4 == 0 ? "web" : "app"));
    }
    return SparkTests.spark().createDataFrame(rows, schema);
  }

  static Evaluation.Settings settings(Task task, List<String> metrics, boolean weighted, int partitions, boolean slice) {
    Evaluation.Settings s = ClassificationSparkTest.settings(task, metrics, weighted, partitions, slice);
    return task == Task.REGRESSION ? Evaluation.settings().settings(s).prediction("prediction").build() : s;
  }

  void check(Dataset<Row> df, Task task, List<String> metrics) {
    for (boolean weighted : new boolean[] {false, true}) {
      Evaluation.Result one = Evaluation.run(df, settings(task, metrics, weighted, 1, true));
      for (Value v : one.overall().metrics().values()) assertTrue(v.defined(), "defined: " + one.overall().metrics());
      String bits = ClassificationSparkTest.all(one);
      for (int parts : new int[] {3, 7}) {
        assertEquals(bits, ClassificationSparkTest.all(Evaluation.run(df, settings(task, metrics, weighted, parts, true))),
            parts + " partitions");
      }
      Map<String, Value> plain = ClassificationSparkTest.plain(df, settings(task, metrics, weighted, 1, false));
      assertEquals(ClassificationSparkTest.bits(plain), ClassificationSparkTest.bits(one.overall().metrics()), "plain Java");
      for (Evaluation.SliceResult sr : one.slices()) {
        Dataset<Row> part = df.filter(df.col("segment").equalTo(sr.slice().get("segment")));
        assertEquals(ClassificationSparkTest.bits(ClassificationSparkTest.plain(part, settings(task, metrics, weighted, 1, false))),
            ClassificationSparkTest.bits(sr.outcome().metrics()), "slice " + sr.slice() + " against plain Java");
      }
    }
  }

  @Test
  void rangesCappedBelowAPartitionGiveTheSameBits() {
    Dataset<Row> df = binary(3000, false, 9);
    String whole = ClassificationSparkTest.all(Evaluation.run(df, settings(Task.BINARY, BINARY, true, 1, true)));
    SparkTests.spark().conf().set("spark.sparkeval.sortMaxRowsPerRange", "500"); // one partition, several ranges
    try {
      assertEquals(whole, ClassificationSparkTest.all(Evaluation.run(df, settings(Task.BINARY, BINARY, true, 1, true))));
    } finally {
      SparkTests.spark().conf().unset("spark.sparkeval.sortMaxRowsPerRange");
    }
  }

  @Test
  void regressionWithTies() {
    check(regression(3000, true, 1), Task.REGRESSION, REGRESSION);
  }

  @Test
  void regressionMostlyDistinct() {
    check(regression(3000, false, 2), Task.REGRESSION, REGRESSION);
  }

  @Test
  void binaryOnAGrid() {
    check(binary(3000, true, 3), Task.BINARY, BINARY);
  }

  @Test
  void binaryContinuous() {
    check(binary(3000, false, 4), Task.BINARY, BINARY);
  }

  /** One-vs-one (rows tagged with their class) and micro (every class in one channel) walks restart mid-stream too. */
  @Test
  void multiclassPairsAndPooledScores() {
    check(ClassificationSparkTest.vectors(Task.MULTICLASS, 3000, 4, 5), Task.MULTICLASS, MULTICLASS);
  }

  @Test
  void multilabelPooledScores() {
    check(ClassificationSparkTest.vectors(Task.MULTILABEL, 3000, 4, 6), Task.MULTILABEL, MULTILABEL);
  }
}
