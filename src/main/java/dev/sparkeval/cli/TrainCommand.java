package dev.sparkeval.cli;

import dev.sparkeval.core.OptionValues;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.report.TrainingReport;
import dev.sparkeval.request.Flags;
import dev.sparkeval.spark.Input;
import dev.sparkeval.spark.train.Training;
import dev.sparkeval.train.Checkpoint;
import dev.sparkeval.train.Epoch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.kohsuke.args4j.Option;

/** {@code train}: the distributed mini-batch loop, one Keras-style line per epoch, then history, model and report. */
public final class TrainCommand implements Command {
  @Option(name = "--train", metaVar = "PATH", usage = "training table (.parquet, .csv, .json, .orc)")
  String train;
  @Option(name = "--train-table", metaVar = "NAME", usage = "a catalog table or view to train on instead of --train")
  String trainTable;
  @Option(name = "--validation", metaVar = "PATH", usage = "validation table (default: a seeded --validation-fraction of --train)")
  String validation;
  @Option(name = "--validation-table", metaVar = "NAME", usage = "a catalog table or view to validate on instead of --validation")
  String validationTable;
  @Option(name = "--validation-fraction", metaVar = "F", usage = "share of --train held out for validation when no --validation")
  double validationFraction = 0.2;
  @Option(name = "--format", metaVar = "F", usage = "parquet, csv, json or orc (default: from the extension)")
  String format;
  @Option(name = "--features", metaVar = "COL,COL,...", usage = "numeric feature columns, or one vector column (default: a 'features' vector, else every numeric column but the label)")
  String features;
  @Option(name = "--label", metaVar = "COL", usage = "label column")
  String label = "label";
  @Option(name = "--model", metaVar = "SPEC", usage = "linear, logistic, softmax or mlp:hidden=64x32,activation=relu|tanh|sigmoid")
  String model = "linear";
  @Option(name = "--task", metaVar = "T", usage = "for mlp with focal: binary or multiclass (other models imply their task)")
  String task;
  @Option(name = "--loss", metaVar = "SPEC", usage = "training loss (default mse, bce or cross_entropy by task)")
  String loss;
  @Option(name = "--metric", metaVar = "SPEC", usage = "validation metric, repeatable (default: mae and r2, or accuracy)")
  List<String> metrics = new ArrayList<>();
  @Option(name = "--class-weights", metaVar = "W0,W1,...", usage = "per-class weights for the losses that take them")
  String classWeights;
  @Option(name = "--optimizer", metaVar = "SPEC", usage = "sgd, momentum:beta=0.9 or adam:beta1=0.9,beta2=0.999,eps=1e-8")
  String optimizer = "sgd";
  @Option(name = "--learning-rate", metaVar = "X", usage = "step size, > 0")
  double learningRate = 0.01;
  @Option(name = "--batch-size", metaVar = "N", usage = "rows per iteration")
  long batchSize = 32;
  @Option(name = "--epochs", metaVar = "N", usage = "passes over the training rows")
  int epochs = 20;
  @Option(name = "--l2", metaVar = "X", usage = "L2 penalty on the weights (not the biases): adds X/2 |W|^2 to the loss")
  double l2;
  @Option(name = "--early-stopping", metaVar = "patience=N,min_delta=X", usage = "stop when val_loss has not improved for N epochs; restores the best weights")
  String earlyStopping;
  @Option(name = "--no-restore-best", usage = "with --early-stopping, keep the last weights instead of the best")
  boolean noRestoreBest;
  @Option(name = "--checkpoint", metaVar = "DIR", usage = "save the full state after every epoch (atomically)")
  String checkpoint;
  @Option(name = "--resume", usage = "continue from --checkpoint DIR; the result is identical to an uninterrupted run")
  boolean resume;
  @Option(name = "--seed", metaVar = "N", usage = "seed for the shuffle, the validation split and the initial weights")
  long seed = 42;
  @Option(name = "--no-standardize", usage = "train on the raw features (default: standardized; the saved model reads raw features either way)")
  boolean noStandardize;
  @Option(name = "--full-train-loss", usage = "also compute the training loss over every training row at the end of each epoch")
  boolean fullTrainLoss;
  @Option(name = "--partitions", metaVar = "N", usage = "repartition the input first")
  int partitions;
  @Option(name = "--iteration-mode", metaVar = "job|barrier", usage = "job: one Spark job per iteration; barrier: one"
      + " barrier job per epoch whose tasks exchange partial sums (needs a free slot per partition)")
  String iterationMode = "job";
  @Option(name = "--out", metaVar = "DIR", usage = "output folder")
  String out = "out/train";

  @Override public int run(Context ctx) throws Exception {
    long start = System.nanoTime();
    Path outDir = Path.of(out);
    Outputs.checkWritable(outDir);
    if (resume && checkpoint == null) throw new UsageException("--resume needs --checkpoint DIR (the folder of the run to continue)");
    Training.Builder b = Training.settings().validationFraction(validationFraction).label(label).model(model)
        .task(task == null ? null : Task.parse(task)).loss(loss).optimizer(optimizer).learningRate(learningRate)
        .standardize(!noStandardize).partitions(partitions).iterationMode(iterationMode)
        .epochs(epochs).batchSize(batchSize).seed(seed).l2(l2).earlyStopping(earlyStopping).restoreBest(!noRestoreBest)
        .checkpoint(checkpoint == null ? null : Path.of(checkpoint)).resume(resume).fullTrainLoss(fullTrainLoss);
    if (features != null) for (String f : features.split(",")) if (!f.isBlank()) b.features(f.trim());
    if (!metrics.isEmpty()) b.metric(metrics.toArray(String[]::new));
    Training.Settings s = Flags.build(() -> {
      if (classWeights != null) b.classWeights(OptionValues.classWeights(classWeights, ','));
      return b.build();
    });
    // Everything that needs no data is checked before Spark starts.
    Flags.build(() -> {
      Training.check(s);
      return s;
    });
    Input.check("--train", "--train-table", train, trainTable, format);
    boolean validated = validation != null || validationTable != null;
    if (validated) Input.check("--validation", "--validation-table", validation, validationTable, format);
    if (resume) Checkpoint.read(s.loop().checkpoint()); // a damaged checkpoint is refused now, not after the data is read
    Dataset<Row> trainData = Input.read(ctx.spark(), train, trainTable, format, "--train", "--train-table");
    Dataset<Row> validationData = validated
        ? Input.read(ctx.spark(), validation, validationTable, format, "--validation", "--validation-table") : null;
    Training.Outcome o = Training.run(trainData, validationData, s, e -> ctx.out().println(line(e, epochs)),
        w -> ctx.err().println("warning: " + w));
    double seconds = (System.nanoTime() - start) / 1e9;
    String input = train != null ? train : trainTable;
    String val = validated ? (validation != null ? validation : validationTable)
        : "a " + validationFraction + " fraction of " + input + " (seed " + seed + ")";
    TrainingReport.write(outDir, o, s, input, val, seconds);
    ctx.out().println(o.diagnosis().text());
    ctx.out().println("best epoch " + o.result().bestEpoch() + ", stopped at epoch " + o.result().stoppedEpoch()
        + (o.result().restored() ? ", best weights restored" : ""));
    ctx.out().println("model: " + outDir.resolve("model.json") + "  report: " + outDir.resolve("report.json"));
    ctx.out().println("html report: " + outDir.resolve("report.html"));
    return 0;
  }

  /** Keras's epoch line: Epoch 3/50 - 118 iterations - 0.8s - loss: 0.4123 - val_loss: 0.4410 - val_accuracy: 0.8420 */
  static String line(Epoch e, int epochs) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Epoch %d/%d - %d iterations - %.1fs - loss: %s", e.epoch(), epochs,
        e.iterations(), e.seconds(), number(e.trainLoss())));
    if (e.trainLossFull() != null) sb.append(" - full_loss: ").append(number(e.trainLossFull()));
    sb.append(" - val_loss: ").append(e.valLoss() == null ? "nan" : number(e.valLoss()));
    for (Map.Entry<String, Double> m : e.valMetrics().entrySet()) {
      sb.append(" - val_").append(m.getKey()).append(": ").append(m.getValue() == null ? "nan" : number(m.getValue()));
    }
    return sb.toString();
  }

  /** Four decimals as Keras prints them, in scientific notation when that would show 0.0000 or dozens of digits. */
  static String number(double v) {
    double a = Math.abs(v);
    if (!Double.isFinite(v) || a == 0 || (a >= 1e-3 && a < 1e6)) return String.format(Locale.ROOT, "%.4f", v);
    return String.format(Locale.ROOT, "%.4e", v);
  }
}
