package dev.sparkeval.cli;

import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.spark.Input;
import dev.sparkeval.spark.gen.Synthetic;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.kohsuke.args4j.Option;

/** {@code generate}: writes a synthetic prediction table or training set of any size. */
public final class GenerateCommand implements Command {
  @Option(name = "--task", metaVar = "T", required = true, usage = "regression, binary, multiclass, embedding, or training (a training set)")
  String task;
  @Option(name = "--rows", metaVar = "N", usage = "number of rows (default 100000)")
  long rows = 100_000;
  @Option(name = "--partitions", metaVar = "P", usage = "partitions of the written table (default 8)")
  int partitions = 8;
  @Option(name = "--classes", metaVar = "K", usage = "classes for multiclass (default 10)")
  int classes = 10;
  @Option(name = "--features", metaVar = "F", usage = "features of a training set, or the vector length of an embedding table (default 20)")
  int features = 20;
  @Option(name = "--seed", metaVar = "S", usage = "random seed (default 1)")
  long seed = 1;
  @Option(name = "--format", metaVar = "F", usage = "parquet (default), csv, json or orc")
  String format = "parquet";
  @Option(name = "--out", metaVar = "PATH", required = true, usage = "where to write the table (replaced if present)")
  String out;

  @Override public int run(Context ctx) {
    if (rows < 1) throw new UsageException("--rows must be >= 1, got " + rows);
    if (partitions < 1) throw new UsageException("--partitions must be >= 1, got " + partitions);
    if (!Input.FORMATS.contains(format)) throw new UsageException("--format must be one of " + Input.FORMATS + ", got " + format);
    Dataset<Row> d = task.equals("training") ? Synthetic.trainingSet(ctx.spark(), rows, features, partitions, seed)
        : task.equals("embedding") ? Synthetic.embeddings(ctx.spark(), rows, features, partitions, seed)
        : Synthetic.predictions(ctx.spark(), Task.parse(task), rows, partitions, seed, classes);
    var w = d.write().mode(SaveMode.Overwrite).format(format);
    if (format.equals("csv")) {
      if (!task.equals("regression") && !task.equals("binary") && !task.equals("training")) {
        throw new UsageException("csv cannot hold the vector columns of " + task + " tables; use parquet, json or orc");
      }
      w = w.option("header", "true");
    }
    w.save(out);
    ctx.out().println("wrote " + rows + " rows (" + task + ", " + partitions + " partitions) to " + out);
    return 0;
  }
}
