package dev.sparkeval.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.catalog.Tasks;
import dev.sparkeval.core.Bootstrap;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.spark.eval.Binding;
import dev.sparkeval.spark.eval.RowReader;
import dev.sparkeval.testkit.Eval;
import dev.sparkeval.testkit.SparkTests;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exact auc_roc and auc_pr, and the other order statistics (partial AUC, the equal error rate,
 * the trapezoidal PR area, medians and quantiles of regression), get bootstrap intervals from the
 * sort job: identical at any partitioning and row order, overall and per slice, and equal to the
 * plain-Java computation of every replicate (each replicate's distinct values sorted in memory).
 * Spearman's ranks, with a sort job of their own, get none (null).
 */
class BootstrapAucTest {
  static final int REPLICATES = 30;

  /** Small sort ranges: the replicates' walks start mid-stream in several tasks, from their exact weight before. */
  @BeforeAll
  static void smallRanges() {
    SparkTests.spark().conf().set(OrderStatisticsSparkTest.ROWS_PER_RANGE, "150");
  }

  @AfterAll
  static void defaultRanges() {
    SparkTests.spark().conf().unset(OrderStatisticsSparkTest.ROWS_PER_RANGE);
  }

  static final List<String> METRICS = List.of("auc_roc", "auc_pr", "auc_roc:average=weighted", "accuracy");

  static Evaluation.Settings settings(Task task, List<String> metrics, int partitions, boolean slice) {
    Evaluation.Builder b = Evaluation.settings().task(task).label("label").prediction("probability").weight("w")
        .metric(metrics.toArray(String[]::new)).partitions(partitions).bootstrap(REPLICATES).seed(11);
    if (slice) b.slice("segment");
    return b.build();
  }

  static Object intervals(Plan.Outcome o) {
    return o.parts().get(Bootstrap.KEY);
  }

  static String all(Evaluation.Result r) {
    StringBuilder b = new StringBuilder(String.valueOf(intervals(r.overall())));
    for (Evaluation.SliceResult s : r.slices()) b.append(s.slice()).append(intervals(s.outcome()));
    return b.toString();
  }

  /** The plain-Java bootstrap of the collected rows, through the same reader: every replicate sorted in memory. */
  static Object plain(Dataset<Row> df, Evaluation.Settings s) {
    Plan plan = Eval.plan(s.options(), s.metrics()).withBootstrap(s.bootstrap(), s.seed());
    Binding b = new Binding(df, s.columns(), Tasks.shapes(s.task()), List.of());
    RowReader reader = b.reader();
    StatSet st = plan.prototype().fresh();
    for (InternalRow row : b.project(df).queryExecution().toRdd().toJavaRDD().map(InternalRow::copy).collect()) {
      Example e = new Example();
      assertEquals(null, reader.read(row, e));
      assertEquals(null, plan.rule().check(e));
      st.add(e);
    }
    return intervals(plan.finish(st));
  }

  void check(Dataset<Row> df, Task task, List<String> metrics) {
    Evaluation.Result one = Evaluation.run(df, settings(task, metrics, 1, true));
    @SuppressWarnings("unchecked")
    Map<String, Object> iv = (Map<String, Object>) intervals(one.overall());
    for (String m : metrics) {
      assertNotNull(iv.get(m), m + " has an interval: " + iv);
      List<?> lh = (List<?>) iv.get(m);
      double v = one.value(m);
      assertTrue((Double) lh.get(0) <= v + 0.05 && v - 0.05 <= (Double) lh.get(1), m + " " + v + " near " + lh);
    }
    String expected = all(one);
    Dataset<Row> shuffled = df.orderBy(functions.rand(5));
    for (int parts : new int[] {3, 7}) {
      assertEquals(expected, all(Evaluation.run(df, settings(task, metrics, parts, true))), parts + " partitions");
      assertEquals(expected, all(Evaluation.run(shuffled, settings(task, metrics, parts, true))), parts + " partitions, shuffled");
    }
    assertEquals(plain(df, settings(task, metrics, 1, false)), intervals(one.overall()), "overall against plain Java");
    for (Evaluation.SliceResult sr : one.slices()) {
      Dataset<Row> part = df.filter(df.col("segment").equalTo(sr.slice().get("segment")));
      assertEquals(plain(part, settings(task, metrics, 1, false)), intervals(sr.outcome()), "slice " + sr.slice());
    }
  }

  @Test
  void binaryExactAucGetsIntervalsThatDoNotDependOnPartitioning() {
    check(ClassificationSparkTest.binary(1500, 3), Task.BINARY, List.of("auc_roc", "auc_pr", "accuracy",
        "auc_pr:method=trapezoid", "auc_roc:max_fpr=0.3", "eer"));
  }

  @Test
  void regressionMediansAndQuantilesToo() {
    Dataset<Row> t = DeterminismPropertyTest.randomTable(6).withColumnRenamed("a", "segment")
        .withColumnRenamed("prediction", "probability");
    check(t, Task.REGRESSION, List.of("median_absolute_error", "d2_absolute_error", "d2_pinball:alpha=0.8", "mae"));
    Evaluation.Result r = Evaluation.run(t, settings(Task.REGRESSION, List.of("spearman", "mae"), 2, false));
    @SuppressWarnings("unchecked")
    Map<String, Object> iv = (Map<String, Object>) intervals(r.overall());
    assertTrue(iv.containsKey("spearman") && iv.get("spearman") == null && iv.get("mae") != null, iv.toString());
  }

  @Test
  void multiclassAndMultilabelEveryClassFromTheSameJob() {
    check(ClassificationSparkTest.vectors(Task.MULTICLASS, 600, 3, 4), Task.MULTICLASS, List.of("auc_roc", "auc_roc:average=weighted"));
    check(ClassificationSparkTest.vectors(Task.MULTILABEL, 600, 3, 5), Task.MULTILABEL,
        List.of("auc_roc", "auc_pr", "auc_pr:average=weighted"));
  }
}
