package dev.sparkeval.cli;

import dev.sparkeval.core.UsageException;
import dev.sparkeval.spark.Input;
import dev.sparkeval.spark.train.Scoring;
import dev.sparkeval.train.ModelFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
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
  @Option(name = "--out", metaVar = "PATH", usage = "output table, written as parquet")
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
    Path outPath = Path.of(out);
    Outputs.checkWritable(outPath.toAbsolutePath().getParent());
    Dataset<Row> data = Input.read(ctx.spark(), input, table, format);
    Dataset<Row> scored = Scoring.score(data, mf, predictionCol, probabilityCol, rawCol);
    scored.write().mode(SaveMode.Overwrite).parquet(out);
    ctx.out().printf(Locale.ROOT, "predict: %s model (%s) scored %s into %s%n", mf.model(), mf.task().id(),
        input != null ? input : table, out);
    String how = mf.task().id().equals("regression") ? "--prediction " + predictionCol
        : "--prediction " + probabilityCol;
    ctx.out().println("evaluate it with: evaluate --input " + out + " --task " + mf.task().id() + " --label " + mf.label() + " " + how);
    return 0;
  }
}
