package dev.sparkeval.cli;

import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.report.Gates;
import dev.sparkeval.report.HtmlReport;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.spark.Input;
import dev.sparkeval.spark.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.kohsuke.args4j.Option;

/** {@code demo}: fits a model on the bundled real data, evaluates its held-out predictions, writes the reports. */
public final class DemoCommand implements Command {
  @Option(name = "--out", metaVar = "DIR", usage = "report folder (default out/demo)")
  String out = "out/demo";
  @Option(name = "--data", metaVar = "DIR", usage = "folder with the bundled data sets (default: the project's data/)")
  String data;

  @Override public int run(Context ctx) throws Exception {
    Path dataDir = Path.of(data != null ? data : System.getenv().getOrDefault("SPARKEVAL_HOME", ".") + "/data");
    Path diabetes = dataDir.resolve("diabetes.csv");
    if (!Files.exists(diabetes)) {
      throw new UsageException("demo data not found at " + diabetes + "; pass --data pointing at the project's data/ folder");
    }
    Path outDir = Path.of(out);
    Outputs.checkWritable(outDir);
    long start = System.nanoTime();
    Dataset<Row> raw = Input.read(ctx.spark(), diabetes.toString(), null, null);
    List<String> features = Arrays.stream(raw.columns()).filter(c -> !c.equals("progression")).toList();
    Dataset<Row> assembled = new VectorAssembler().setInputCols(features.toArray(new String[0]))
        .setOutputCol("features").transform(raw).withColumnRenamed("progression", "label")
        .withColumn("sex_code", functions.col("sex").cast("string")); // the slice: the data codes sex as 1 or 2
    Dataset<Row>[] split = assembled.randomSplit(new double[] {0.7, 0.3}, 42);
    ctx.out().println("demo: linear regression on diabetes.csv (442 patients), " + heldOut(split));
    LinearRegressionModel model = new LinearRegression().fit(split[0]);
    Dataset<Row> predictions = model.transform(split[1]).select(functions.col("label"), functions.col("prediction"),
        functions.col("sex_code").as("sex"));
    Path predPath = outDir.resolve("diabetes_predictions.parquet");
    Output.write(predictions, predPath.toString(), "parquet");

    Evaluation.Result r = Evaluation.of(ctx.spark().read().parquet(predPath.toString()))
        .task(Task.REGRESSION).label("label").prediction("prediction")
        .loss("mse", "rmse", "mae", "huber:delta=50", "log_cosh", "quantile:q=0.9")
        .metric("r2", "explained_variance", "mape", "mean_error")
        .slice("sex")
        .bootstrap(200) // 95% intervals in the same pass
        .run();
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Gates.Verdict> verdicts = Gates.check(Gates.parse(List.of("r2>=0.3")), r.overall(), null);
    EvaluationOutput.write(ctx, outDir.resolve("diabetes"), r, predPath.toString(), seconds, verdicts, 0,
        HtmlReport.Options.DEFAULT);
    ClassificationDemo.run(ctx, dataDir, outDir);
    train(ctx, dataDir, outDir);
    return 0;
  }

  /**
   * "trained on N rows, evaluated on the other M (P%)": randomSplit draws each row's side, so a
   * 70/30 split holds out about, not exactly, 30%; the demo says what it held out.
   */
  static String heldOut(Dataset<Row>[] split) {
    long train = split[0].count();
    long test = split[1].count();
    return String.format(java.util.Locale.ROOT, "trained on %d rows, evaluated on the other %d (%.1f%% held out)", train, test,
        100.0 * test / (train + test));
  }

  /** The training story: a logistic model on breast cancer, validation curves, early stopping, restore-best. */
  private static void train(Context ctx, Path dataDir, Path outDir) throws Exception {
    ctx.out().println();
    ctx.out().println("demo: training a logistic model on breast_cancer.csv (mini-batch adam, early stopping)");
    TrainCommand t = new TrainCommand();
    new org.kohsuke.args4j.CmdLineParser(t).parseArgument("--train", dataDir.resolve("breast_cancer.csv").toString(),
        "--model", "logistic", "--loss", "bce", "--optimizer", "adam", "--learning-rate", "0.01", "--batch-size", "32",
        "--epochs", "60", "--l2", "0.0022", "--early-stopping", "patience=5,min_delta=0.001", "--metric", "accuracy",
        "--metric", "auc_roc", "--seed", "42", "--out", outDir.resolve("train-breast-cancer").toString());
    t.run(ctx);
  }
}
