package dev.sparkeval.cli;

import dev.sparkeval.core.Task;
import dev.sparkeval.report.HtmlReport;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.spark.Input;
import dev.sparkeval.spark.Output;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The classification part of the demo: MLlib logistic regression on breast cancer (binary) and
 * on digits (multinomial), the transform() output evaluated as it is, one report folder each.
 */
final class ClassificationDemo {
  private ClassificationDemo() {}

  static void run(Command.Context ctx, Path dataDir, Path outDir) throws java.io.IOException {
    one(ctx, dataDir.resolve("breast_cancer.csv"), outDir, "breast_cancer", "binomial", Task.BINARY,
        "\ndemo: logistic regression on breast_cancer.csv (569 tumours), ",
        List.of("bce", "focal"),
        List.of("accuracy", "precision", "recall", "f1", "fbeta", "specificity", "balanced_accuracy", "mcc",
            "cohen_kappa", "auc_roc", "auc_pr", "auc_roc:bins=100", "log_loss", "brier", "ece"));
    one(ctx, dataDir.resolve("digits.csv"), outDir, "digits", "multinomial", Task.MULTICLASS,
        "\ndemo: multinomial logistic regression on digits.csv (1797 8x8 images), ",
        List.of("cross_entropy", "focal"),
        List.of("accuracy", "top_k_accuracy:k=2", "f1:average=macro", "f1:average=weighted", "balanced_accuracy",
            "mcc", "cohen_kappa", "log_loss", "auc_roc", "ece"));
  }

  private static void one(Command.Context ctx, Path csv, Path outDir, String name, String family, Task task, String title,
                          List<String> losses, List<String> metrics) throws java.io.IOException {
    long start = System.nanoTime();
    Dataset<Row> raw = Input.read(ctx.spark(), csv.toString(), null, null);
    String[] features = Arrays.stream(raw.columns()).filter(c -> !c.equals("label")).toArray(String[]::new);
    Dataset<Row> data = new VectorAssembler().setInputCols(features).setOutputCol("features").transform(raw);
    Dataset<Row>[] split = data.randomSplit(new double[] {0.7, 0.3}, 42);
    ctx.out().println(title + DemoCommand.heldOut(split));
    Dataset<Row> predictions = new LogisticRegression().setFamily(family).setMaxIter(100).setRegParam(0.01)
        .fit(split[0]).transform(split[1]).select("label", "rawPrediction", "probability", "prediction");
    Path predPath = outDir.resolve(name + "_predictions.parquet");
    Output.write(predictions, predPath.toString(), "parquet");

    Evaluation.Result r = Evaluation.of(ctx.spark().read().parquet(predPath.toString()))
        .task(task).label("label").prediction("probability")
        .loss(losses.toArray(String[]::new)).metric(metrics.toArray(String[]::new))
        .run();
    double seconds = (System.nanoTime() - start) / 1e9;
    EvaluationOutput.write(ctx, outDir.resolve(name), r, predPath.toString(), seconds, List.of(), 0, HtmlReport.Options.DEFAULT);
  }
}
