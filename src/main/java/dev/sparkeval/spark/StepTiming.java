package dev.sparkeval.spark;

import dev.sparkeval.core.Task;
import dev.sparkeval.train.Block;
import dev.sparkeval.train.ModelSpec;
import dev.sparkeval.train.Network;
import dev.sparkeval.train.Objective;
import dev.sparkeval.train.Objectives;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Times single training iterations the way the loop runs them (logistic model, bce, cached
 * blocks, the batch read as a contiguous run of each block), and a bare Spark job over the same
 * cached partitions: the scheduling floor every iteration pays. For {@code bench}.
 */
public final class StepTiming {
  private StepTiming() {}

  /** Medians in milliseconds. */
  public record Result(long rows, int partitions, long batchSize, int steps, double iterationMs, double emptyJobMs,
                       double epochOrderMs) {}

  public static Result measure(Dataset<Row> table, List<String> features, String label, long batchSize, int steps, long seed) {
    FeatureColumns fc = FeatureColumns.resolve(table, features, label);
    int d = fc.dimension(fc.project(table, List.of()));
    JavaRDD<Block> blocks = RowBlocks.build(table, fc, label, d, "training");
    ModelSpec model = ModelSpec.parse("logistic");
    Objective obj = Objectives.resolve("bce", model, Task.BINARY, null);
    Network net = model.network(d, 1);
    SparkBatches b = new SparkBatches(blocks, blocks, seed, batchSize, net, obj);
    try {
      long t0 = System.nanoTime();
      b.epoch(1);
      double orderMs = (System.nanoTime() - t0) / 1e6;
      long iters = (b.rows() + batchSize - 1) / batchSize;
      double[] w = new double[net.size()];
      double[] it = new double[steps];
      double[] empty = new double[steps];
      for (int warm = 0; warm < 5; warm++) b.step(warm % iters, w);
      for (int s = 0; s < steps; s++) {
        long a = System.nanoTime();
        b.step(s % iters, w);
        it[s] = (System.nanoTime() - a) / 1e6;
        a = System.nanoTime();
        blocks.map(x -> 0).collect();
        empty[s] = (System.nanoTime() - a) / 1e6;
      }
      return new Result(b.rows(), blocks.getNumPartitions(), batchSize, steps, median(it), median(empty), orderMs);
    } finally {
      b.close();
      blocks.unpersist(false);
    }
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
