package dev.sparkeval.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.Value;
import dev.sparkeval.spark.eval.Binding;
import dev.sparkeval.spark.eval.RowReader;
import dev.sparkeval.testkit.Eval;
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
import org.junit.jupiter.api.Test;

/**
 * Classification on Spark: the same bits at 1, 3 and 7 partitions and as the plain-Java path
 * (exact AUC through the sort job equals the in-memory sort), per slice too; and the one-pass
 * binned AUC stays within its certified bound of the exact value.
 */
class ClassificationSparkTest {
  static final List<String> BINARY = List.of("bce", "focal", "accuracy", "precision", "recall", "f1", "fbeta",
      "specificity", "balanced_accuracy", "mcc", "cohen_kappa", "auc_roc", "auc_pr", "log_loss", "brier", "ece",
      "auc_roc:bins=64", "auc_pr:bins=64", "f1:average=macro");
  static final List<String> MULTICLASS = List.of("cross_entropy", "focal", "accuracy", "top_k_accuracy:k=2",
      "f1:average=macro", "precision:average=weighted", "recall:average=micro", "balanced_accuracy", "mcc",
      "cohen_kappa", "log_loss", "auc_roc", "auc_roc:bins=32", "ece", "auc_roc:multi_class=ovo",
      "auc_roc:multi_class=ovo,average=weighted", "auc_roc:average=micro", "auc_pr", "auc_pr:average=micro", "hamming_loss",
      "specificity", "fpr:average=weighted", "jaccard:average=micro", "cohen_kappa:weights=quadratic", "hinge");
  static final List<String> MULTILABEL = List.of("bce", "focal", "hamming_loss", "subset_accuracy", "f1:average=micro",
      "f1:average=samples", "precision:average=macro", "auc_roc", "auc_pr", "auc_roc:bins=16", "auc_roc:average=micro",
      "auc_pr:average=micro", "auc_roc:average=samples", "jaccard:average=samples", "mcc", "specificity", "coverage_error",
      "label_ranking_loss", "lrap");

  static Dataset<Row> binary(int n, long seed) {
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("probability", SQLDataTypes.VectorType())
        .add("w", DataTypes.DoubleType).add("segment", DataTypes.StringType);
    Random r = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double p = Math.round(r.nextDouble() * 200) / 200.0;
      double y = r.nextDouble() < 0.15 + 0.7 * p ? 1 : 0;
      rows.add(RowFactory.create(y, Vectors.dense(1 - p, p), r.nextInt(6) == 0 ? 0.0 : r.nextDouble() * 3,
          i % 3 == 0 ? "web" : "app"));
    }
    return SparkTests.spark().createDataFrame(rows, schema);
  }

  static Dataset<Row> vectors(Task task, int n, int k, long seed) {
    StructType schema = new StructType()
        .add("label", task == Task.MULTILABEL ? DataTypes.createArrayType(DataTypes.DoubleType) : DataTypes.DoubleType)
        .add("probability", DataTypes.createArrayType(DataTypes.DoubleType))
        .add("w", DataTypes.DoubleType).add("segment", DataTypes.StringType);
    Random r = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] p = new double[k];
      double[] y = new double[k];
      int label = r.nextInt(k);
      double s = 0;
      for (int c = 0; c < k; c++) {
        y[c] = r.nextDouble() < 0.4 ? 1 : 0;
        p[c] = 1 + r.nextInt(10) + (task == Task.MULTILABEL ? 5 * y[c] : c == label ? 5 : 0);
        s += p[c];
      }
      List<Double> pl = new ArrayList<>(), yl = new ArrayList<>();
      for (int c = 0; c < k; c++) {
        pl.add(task == Task.MULTILABEL ? p[c] / 16 : p[c] / s);
        yl.add(y[c]);
      }
      Object lab = task == Task.MULTILABEL ? yl : (Object) (double) label;
      rows.add(RowFactory.create(lab, pl, r.nextDouble() * 2, i % 4 == 0 ? "web" : "app"));
    }
    return SparkTests.spark().createDataFrame(rows, schema);
  }

  static Evaluation.Settings settings(Task task, List<String> metrics, boolean weighted, int partitions, boolean slice) {
    Evaluation.Builder b = Evaluation.settings().task(task).label("label").prediction("probability")
        .metric(metrics.toArray(String[]::new)).partitions(partitions);
    if (weighted) b.weight("w");
    if (slice) b.slice("segment");
    return b.build();
  }

  static String bits(Map<String, Value> values) {
    StringBuilder b = new StringBuilder();
    values.forEach((k, v) -> b.append(k).append('=').append(Double.doubleToLongBits(v.value())).append(v.undefined())
        .append(v.errorBound()).append(';'));
    return b.toString();
  }

  static String all(Evaluation.Result r) {
    StringBuilder b = new StringBuilder(bits(r.overall().metrics())).append(r.overall().parts());
    for (Evaluation.SliceResult s : r.slices()) b.append(s.slice()).append(bits(s.outcome().metrics())).append(s.outcome().parts());
    return b.toString();
  }

  /** The plain-Java evaluation of the collected rows, through the same reader. */
  static Map<String, Value> plain(Dataset<Row> df, Evaluation.Settings s) {
    Plan plan = Eval.plan(s.options(), s.metrics());
    Binding b = new Binding(df, s.columns(), dev.sparkeval.catalog.Tasks.shapes(s.task()), List.of());
    RowReader reader = b.reader();
    StatSet st = plan.prototype().fresh();
    for (org.apache.spark.sql.catalyst.InternalRow row : b.project(df).queryExecution().toRdd().toJavaRDD().map(
        org.apache.spark.sql.catalyst.InternalRow::copy).collect()) {
      Example e = new Example();
      assertEquals(null, reader.read(row, e));
      assertEquals(null, plan.rule().check(e));
      st.add(e);
    }
    return plan.finish(st).metrics();
  }

  void check(Dataset<Row> df, Task task, List<String> metrics) {
    for (boolean weighted : new boolean[] {false, true}) {
      String one = all(Evaluation.run(df, settings(task, metrics, weighted, 1, true)));
      for (int parts : new int[] {3, 7}) {
        assertEquals(one, all(Evaluation.run(df, settings(task, metrics, weighted, parts, true))), parts + " partitions");
      }
      Evaluation.Result r = Evaluation.run(df, settings(task, metrics, weighted, 3, false));
      assertEquals(bits(plain(df, settings(task, metrics, weighted, 1, false))), bits(r.overall().metrics()), "plain Java");
      for (Evaluation.SliceResult sr : Evaluation.run(df, settings(task, metrics, weighted, 2, true)).slices()) {
        Dataset<Row> part = df.filter(df.col("segment").equalTo(sr.slice().get("segment")));
        assertEquals(bits(plain(part, settings(task, metrics, weighted, 1, false))), bits(sr.outcome().metrics()),
            "slice " + sr.slice() + " against plain Java");
      }
      Map<String, Value> m = r.overall().metrics();
      for (String spec : metrics) {
        if (!spec.contains(":bins=")) continue;
        Value binned = m.get(spec), exact = m.get(spec.substring(0, spec.indexOf(':')));
        assertTrue(binned.errorBound() > 0, spec);
        assertTrue(Math.abs(binned.value() - exact.value()) <= binned.errorBound(),
            spec + ": " + binned.value() + " vs exact " + exact.value() + ", bound " + binned.errorBound());
      }
    }
  }

  @Test
  void binaryFromSparkVectors() {
    check(binary(3000, 1), Task.BINARY, BINARY);
  }

  @Test
  void multiclassFromArrays() {
    check(vectors(Task.MULTICLASS, 2000, 5, 2), Task.MULTICLASS, MULTICLASS);
  }

  @Test
  void multilabelFromArrays() {
    check(vectors(Task.MULTILABEL, 2000, 4, 3), Task.MULTILABEL, MULTILABEL);
  }
}
