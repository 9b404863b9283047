package dev.sparkeval.cli;

import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.spark.Input;
import dev.sparkeval.spark.Output;
import dev.sparkeval.spark.train.Scoring;
import dev.sparkeval.train.ModelFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.kohsuke.args4j.Option;

/** {@code predict}: scores a table with a model.json and writes it with Spark ML's prediction columns appended. */
public final class PredictCommand implements Command {
  @Option(name = "--model", metaVar = "PATH", required = true, usage = "model.json written by train")
  String model;
  @Option(name = "--input", metaVar = "PATH", usage = "table to score")
  String input;
  @Option(name = "--table", metaVar = "NAME", usage = "a catalog table or view instead of --input")
  String table;
  @Option(name = "--format", metaVar = "F", usage = "input format: parquet, csv, json or orc (default: from the extension)")
  String format;
  @Option(name = "--out", metaVar = "PATH", usage = "output table, in the format its extension names (.parquet, .csv,"
      + " .json, .orc; no extension: a parquet folder); replaced if present")
  String out = "out/predict/predictions.parquet";
  @Option(name = "--prediction-col", metaVar = "COL", usage = "name of the appended prediction column")
  String predictionCol = "prediction";
  @Option(name = "--probability-col", metaVar = "COL", usage = "name of the appended probability vector (classification)")
  String probabilityCol = "probability";
  @Option(name = "--raw-prediction-col", metaVar = "COL", usage = "name of the appended raw prediction vector (classification)")
  String rawCol = "rawPrediction";

  @Override public int run(Context ctx) {
    Path m = Path.of(model);
    if (!Files.isRegularFile(m)) throw new UsageException("--model '" + model + "' does not exist; pass the model.json that train wrote");
    ModelFile mf = ModelFile.read(m);
    String extension = Output.formatOf(out, "--out");
    String outFormat = extension != null ? extension : "parquet";
    if (outFormat.equals("csv")) Scoring.checkCsv(mf);
    Path outPath = Path.of(out);
    Outputs.checkWritable(outPath.toAbsolutePath().getParent());
    Input.check("--input", input, table, format);
    Dataset<Row> data = Input.read(ctx.spark(), input, table, format);
    Dataset<Row> scored = Scoring.score(data, mf, predictionCol, probabilityCol, rawCol);
    if (outFormat.equals("csv")) scored = Scoring.forCsv(scored, mf, probabilityCol, rawCol);
    Output.write(scored, out, outFormat);
    ctx.out().printf(Locale.ROOT, "predict: %s model (%s) scored %s into %s (%s)%n", mf.model(), mf.task().id(),
        input != null ? input : table, out, outFormat);
    if (!Arrays.asList(data.columns()).contains(mf.label())) {
      ctx.out().println("(the input has no label column '" + mf.label() + "', so there is nothing to evaluate the predictions against)");
      return 0;
    }
    String how = mf.task() == Task.REGRESSION ? "--prediction " + Shell.quote(predictionCol)
        : "--prediction " + Shell.quote(probabilityCol);
    ctx.out().println("evaluate it with: ./submit.sh evaluate --input " + Shell.quote(out)
        + (extension == null ? " --format parquet" : "") + " --task " + mf.task().id()
        + " --label " + Shell.quote(mf.label()) + " " + how);
    return 0;
  }
}
