package dev.sparkeval.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.core.Value;
import dev.sparkeval.part.ConfusionParts;
import dev.sparkeval.testkit.SparkTests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Predictions given as decisions (MLlib's layouts): a multiclass class index instead of a score
 * vector, multilabel label sets instead of 0/1 vectors. Each gives the bits of the score layout on
 * the same decisions, at any partitioning, with classes discovered as rows come; metrics that need
 * scores are refused before the pass.
 */
class DecisionLayoutsTest {
  static final List<String> MULTICLASS = List.of("accuracy", "f1:average=macro", "precision:average=weighted", "recall:class=2",
      "balanced_accuracy", "mcc", "cohen_kappa:weights=quadratic", "hamming_loss", "specificity:average=micro", "fpr:class=1",
      "jaccard:average=weighted");
  static final List<String> MULTILABEL = List.of("hamming_loss", "subset_accuracy", "f1:average=micro", "f1:average=samples",
      "precision:average=macro", "jaccard:average=samples", "jaccard:average=weighted", "mcc", "specificity", "recall:class=3",
      "hamming_loss:labels=in_truth");

  /** label, the arg-max class as a number, and the score vector it came from (K = 4, every class occurring). */
  static Dataset<Row> multiclass(long seed) {
    Random r = new Random(seed);
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("decided", DataTypes.DoubleType)
        .add("probability", DataTypes.createArrayType(DataTypes.DoubleType)).add("w", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int y = i % 4;
      List<Double> p = new ArrayList<>(List.of(0.1, 0.1, 0.1, 0.1));
      int d = r.nextDouble() < 0.6 ? y : r.nextInt(4);
      p.set(d, 0.7);
      rows.add(RowFactory.create((double) y, (double) d, p, r.nextDouble() * 2));
    }
    return SparkTests.spark().createDataFrame(rows, schema);
  }

  /** Label sets (arrays of ids, label 5 the largest) and the same as 0/1 and 0.9/0.1 vectors of length 6. */
  static Dataset<Row> multilabel(long seed) {
    Random r = new Random(seed);
    StructType schema = new StructType().add("ids", DataTypes.createArrayType(DataTypes.DoubleType))
        .add("predicted", DataTypes.createArrayType(DataTypes.DoubleType))
        .add("label", DataTypes.createArrayType(DataTypes.DoubleType))
        .add("probability", DataTypes.createArrayType(DataTypes.DoubleType)).add("w", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      List<Double> ids = new ArrayList<>(), pred = new ArrayList<>(), y = new ArrayList<>(), p = new ArrayList<>();
      for (int l = 0; l < 6; l++) {
        boolean t = r.nextDouble() < 0.3 && (l < 5 || i == 7), d = r.nextDouble() < (t ? 0.7 : 0.2);
        if (t) ids.add((double) l);
        if (d) pred.add((double) l);
        y.add(t ? 1.0 : 0.0);
        p.add(d ? 0.9 : 0.1);
      }
      rows.add(RowFactory.create(ids, pred, y, p, r.nextDouble() * 2));
    }
    return SparkTests.spark().createDataFrame(rows, schema);
  }

  static Map<String, Double> run(Dataset<Row> df, Task task, String label, String prediction, boolean sets, boolean weighted,
                                 int partitions, List<String> metrics) {
    Evaluation.Builder b = Evaluation.of(df).task(task).label(label).prediction(prediction).labelSets(sets)
        .partitions(partitions).metric(metrics.toArray(new String[0]));
    if (weighted) b.weight("w");
    return b.run().values();
  }

  static String bits(Map<String, Double> m) {
    StringBuilder b = new StringBuilder();
    m.forEach((k, v) -> b.append(k).append('=').append(Long.toHexString(Double.doubleToLongBits(v))).append(' '));
    return b.toString();
  }

  static UsageException refuses(Executable run, String fragment) {
    UsageException e = assertThrows(UsageException.class, run);
    assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' in: " + e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
    return e;
  }

  @Test
  void classIndicesGiveTheBitsOfScoreVectors() {
    Dataset<Row> df = multiclass(1).cache();
    for (boolean weighted : new boolean[] {false, true}) {
      String want = bits(run(df, Task.MULTICLASS, "label", "probability", false, weighted, 1, MULTICLASS));
      for (int parts : new int[] {1, 3, 7}) {
        assertEquals(want, bits(run(df, Task.MULTICLASS, "label", "decided", false, weighted, parts, MULTICLASS)), parts + " partitions");
      }
    }
  }

  @Test
  void labelSetsGiveTheBitsOfIndicatorVectors() {
    Dataset<Row> df = multilabel(2).cache();
    for (boolean weighted : new boolean[] {false, true}) {
      String want = bits(run(df, Task.MULTILABEL, "label", "probability", false, weighted, 1, MULTILABEL));
      for (int parts : new int[] {1, 3, 7}) {
        assertEquals(want, bits(run(df, Task.MULTILABEL, "ids", "predicted", true, weighted, parts, MULTILABEL)), parts + " partitions");
      }
    }
  }

  @Test
  void theConfusionMatrixGrowsToTheLargestClassSeen() {
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("prediction", DataTypes.IntegerType);
    Dataset<Row> df = SparkTests.spark().createDataFrame(List.of(RowFactory.create(0.0, 0), RowFactory.create(2.0, 1),
        RowFactory.create(1.0, 1), RowFactory.create(0.0, 5)), schema).repartition(3);
    Evaluation.Result r = Evaluation.of(df).task(Task.MULTICLASS).prediction("prediction").run();
    ConfusionParts.Matrix cm = (ConfusionParts.Matrix) r.overall().parts().get("confusion_matrix");
    assertEquals(List.of(0, 1, 2, 3, 4, 5), cm.labels());
    assertEquals(List.of(1L, 0L, 0L, 0L, 0L, 1L), cm.counts().get(0));
    assertEquals(0.5, r.value("accuracy"));
    assertEquals(List.of("accuracy", "f1:average=macro"), new ArrayList<>(r.overall().metrics().keySet()), "the defaults of decisions");
  }

  @Test
  void scoresAreRefusedWhenThereAreNone() {
    Dataset<Row> mc = multiclass(3);
    refuses(() -> run(mc, Task.MULTICLASS, "label", "decided", false, false, 0, List.of("accuracy", "log_loss", "auc_roc")),
        "log_loss, auc_roc need scores, but --prediction column 'decided' holds class indices (one number per row); metrics of"
            + " decisions are accuracy, balanced_accuracy, cohen_kappa, f1, fbeta, fpr, hamming_loss, jaccard, mcc, precision,"
            + " recall, specificity");
    refuses(() -> Evaluation.of(mc).task(Task.MULTICLASS).prediction("decided").logits(true).run(),
        "--logits needs a vector of scores, but --prediction column 'decided' holds one number per row (a class index)");
    Dataset<Row> ml = multilabel(4);
    refuses(() -> run(ml, Task.MULTILABEL, "ids", "predicted", true, false, 0, List.of("bce", "f1")),
        "bce needs scores, but with --label-sets the prediction column holds label sets; metrics of decisions are accuracy,");
    refuses(() -> run(mc, Task.MULTICLASS, "label", "probability", true, false, 0, List.of("f1")),
        "labelSets is for task multilabel (label and prediction as arrays of label ids)"); // the Java API names its setting
  }

  @Test
  void badClassIndicesAndLabelIdsAreBadRows() {
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("prediction", DataTypes.DoubleType);
    Dataset<Row> mc = SparkTests.spark().createDataFrame(List.of(RowFactory.create(0.0, 1.0), RowFactory.create(1.0, 2.5)), schema);
    UsageException e = refuses(() -> Evaluation.of(mc).task(Task.MULTICLASS).prediction("prediction").run(),
        "prediction is 2.5; with a class index as the prediction, labels and predictions must be class indices 0..1999");
    StructType sets = new StructType().add("label", DataTypes.createArrayType(DataTypes.DoubleType))
        .add("prediction", DataTypes.createArrayType(DataTypes.DoubleType));
    Dataset<Row> ml = SparkTests.spark().createDataFrame(List.of(RowFactory.create(List.of(0.0), List.of(-1.0))), sets);
    refuses(() -> Evaluation.of(ml).task(Task.MULTILABEL).prediction("prediction").labelSets(true).run(),
        "prediction set holds -1.0; label sets hold label ids, whole numbers 0..99999");
    Value skipped = Evaluation.of(mc).task(Task.MULTICLASS).prediction("prediction").skipBadRows(true).run().outcome("accuracy");
    assertEquals(0.0, skipped.value());
    assertTrue(e.getMessage().contains("prediction_out_of_range"), e.getMessage());
  }
}
