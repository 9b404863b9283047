package dev.sparkeval.cli;

import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.spark.Input;
import dev.sparkeval.spark.Output;
import dev.sparkeval.spark.gen.Synthetic;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.kohsuke.args4j.Option;

/** {@code generate}: writes a synthetic prediction table or training set of any size. */
public final class GenerateCommand implements Command {
  @Option(name = "--task", metaVar = "T", required = true, usage = "regression, binary, multiclass, embedding, ranking (long layout: query, item, grade, score), or training (a training set)")
  String task;
  @Option(name = "--rows", metaVar = "N", usage = "number of rows (default 100000)")
  long rows = 100_000;
  @Option(name = "--partitions", metaVar = "P", usage = "partitions of the written table (default 8)")
  int partitions = 8;
  @Option(name = "--classes", metaVar = "K", usage = "classes for multiclass (default 10)")
  int classes = 10;
  @Option(name = "--items", metaVar = "N", usage = "ranking: items per query (default 20); --rows / N queries")
  int items = 20;
  @Option(name = "--features", metaVar = "F", usage = "features of a training set, or the vector length of an embedding table (default 20)")
  int features = 20;
  @Option(name = "--seed", metaVar = "S", usage = "random seed (default 1)")
  long seed = 1;
  @Option(name = "--format", metaVar = "F", usage = "parquet, csv, json or orc (default: from the extension of --out, else parquet)")
  String format;
  @Option(name = "--out", metaVar = "PATH", required = true, usage = "where to write the table (replaced if present)")
  String out;

  @Override public int run(Context ctx) {
    if (rows < 1) throw new UsageException("--rows must be >= 1, got " + rows);
    if (partitions < 1) throw new UsageException("--partitions must be >= 1, got " + partitions);
    String named = Output.formatOf(out, "--out");
    if (format == null) format = named != null ? named : "parquet";
    if (!Input.FORMATS.contains(format)) throw new UsageException("--format must be one of " + Input.FORMATS + ", got " + format);
    if (named != null && !named.equals(format)) {
      throw new UsageException("--format " + format + " but --out '" + out + "' names " + named + "; make them agree");
    }
    if (items < 1) throw new UsageException("--items must be >= 1, got " + items);
    if (task.equals("ranking") && rows < items) throw new UsageException("--rows " + rows + " is fewer than one query of --items " + items);
    if (format.equals("csv") && !List.of("regression", "binary", "ranking", "training").contains(task)) {
      throw new UsageException("csv cannot hold the vector columns of " + task + " tables; use parquet, json or orc");
    }
    Task t = task.equals("training") ? null : Task.parse(task); // checked before Spark starts
    if (t == Task.EMBEDDING && features < 1) throw new UsageException("--features (the vector length) must be >= 1, got " + features);
    Dataset<Row> d;
    if (t == null) d = Synthetic.trainingSet(ctx.spark(), rows, features, partitions, seed);
    else if (t == Task.EMBEDDING) d = Synthetic.embeddings(ctx.spark(), rows, features, partitions, seed);
    else if (t == Task.RANKING) {
      rows = rows / items * items; // whole queries
      d = Synthetic.rankingTable(ctx.spark(), rows / items, items, partitions, seed, false);
    } else d = Synthetic.predictions(ctx.spark(), t, rows, partitions, seed, classes);
    Output.write(d, out, format);
    ctx.out().println("wrote " + rows + " rows (" + task + ", " + partitions + " partitions) to " + out);
    return 0;
  }
}
