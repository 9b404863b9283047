package dev.sparkeval.spark.train;

import dev.sparkeval.core.Task;
import dev.sparkeval.train.Block;
import dev.sparkeval.train.ModelSpec;
import dev.sparkeval.train.Network;
import dev.sparkeval.train.Objective;
import dev.sparkeval.train.Objectives;
import dev.sparkeval.train.Optimizer;
import dev.sparkeval.train.Stepper;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Times single training iterations the way the loop runs them (logistic model, bce, cached
 * blocks, the batch read as a contiguous run of each block, one job per step on the table's own
 * partitions), a bare job submitted the same way over the same blocks (the scheduling floor one
 * job per iteration pays), and iterations inside one barrier job (partials exchanged by
 * allGather; partitions coalesced to the default parallelism so that the barrier stage can run).
 * For {@code bench}.
 */
public final class StepTiming {
  private StepTiming() {}

  /** Medians in milliseconds. */
  public record Result(long rows, int partitions, long batchSize, int steps, double iterationMs, double emptyJobMs,
                       double barrierIterationMs, double epochOrderMs) {}

  static final int WARM_UP = 300;

  public static Result measure(Dataset<Row> table, List<String> features, String label, long batchSize, int steps, long seed) {
    FeatureColumns fc = FeatureColumns.resolve(table, features, label);
    int d = fc.dimension(fc.project(table, List.of()));
    JavaRDD<Block> built = RowBlocks.build(table, fc, label, d, "training");
    ModelSpec model = ModelSpec.parse("logistic");
    Objective obj = Objectives.resolve("bce", model, Task.BINARY, null);
    Network net = model.network(d, 1);
    double[] w = new double[net.size()];
    // Job mode on the table's own partitions (the layout MLlib's step gets in the bench).
    SparkBatches b = new SparkBatches(built, built, seed, batchSize, net, obj);
    double orderMs, iterationMs, emptyMs;
    try {
      long t0 = System.nanoTime();
      b.epoch(1);
      orderMs = (System.nanoTime() - t0) / 1e6;
      long iters = (b.rows() + batchSize - 1) / batchSize;
      double[] it = new double[steps];
      double[] empty = new double[steps];
      // A run takes thousands of steps, and Spark's scheduler needs a few hundred jobs before
      // its code is compiled: time the steps warm, as a training run spends them.
      for (int warm = 0; warm < WARM_UP; warm++) {
        b.step(warm % iters, w);
        StepJob.empty(b.stepView());
      }
      for (int s = 0; s < steps; s++) {
        long a = System.nanoTime();
        b.step(s % iters, w);
        it[s] = (System.nanoTime() - a) / 1e6;
        a = System.nanoTime();
        StepJob.empty(b.stepView());
        empty[s] = (System.nanoTime() - a) / 1e6;
      }
      iterationMs = median(it);
      emptyMs = median(empty);
    } finally {
      b.close();
    }
    // Barrier mode needs every partition running at once: at most one partition per slot.
    int slots = table.sparkSession().sparkContext().defaultParallelism();
    JavaRDD<Block> blocks = RowBlocks.atMost(built, slots, d).persist(StorageLevel.MEMORY_AND_DISK());
    blocks.count();
    SparkBatches bb = new SparkBatches(blocks, blocks, seed, batchSize, net, obj);
    try {
      bb.epoch(1);
      long iters = (bb.rows() + batchSize - 1) / batchSize;
      Stepper stepper = new Stepper(net, obj, Optimizer.parse("sgd", 0.1), 0);
      BarrierEpoch.run(bb.ordered(), Math.min(5, iters), stepper, w); // warm-up
      long a = System.nanoTime();
      BarrierEpoch.run(bb.ordered(), Math.min(steps, iters), stepper, w);
      double barrierMs = (System.nanoTime() - a) / 1e6 / Math.min(steps, iters);
      return new Result(b.rows(), built.getNumPartitions(), batchSize, steps, iterationMs, emptyMs, barrierMs, orderMs);
    } finally {
      bb.close();
      if (blocks != built) blocks.unpersist(false);
      built.unpersist(false);
    }
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
