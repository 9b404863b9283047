package dev.sparkeval.spark.train;

import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.train.Batches;
import dev.sparkeval.train.Block;
import dev.sparkeval.train.Network;
import dev.sparkeval.train.Objective;
import dev.sparkeval.train.Shuffle;
import dev.sparkeval.train.StepSums;
import dev.sparkeval.train.Stepper;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * The training rows as cached blocks, one per partition. Once per epoch every block sorts its
 * rows by (batch of the epoch's shuffle, row) and that order is cached beside the block, so a
 * batch is a contiguous run in every block: an iteration is one small job that reads only the
 * batch's rows (its cost follows the batch size, not the table size) and returns one partial
 * sum per partition, merged on the driver in partition order.
 */
public final class SparkBatches implements Batches {
  /** Block number index with the sorted keys of the current epoch (and the model, for barrier tasks). */
  record Ordered(int index, Block block, long[] keys, Network net, Objective obj) implements Serializable {}

  private final JavaRDD<Block> train;
  private final JavaRDD<Block> validation;
  private final long[] offsets;
  private final long rows;
  private final long validationRows;
  private final long seed;
  private final long batchSize;
  private final Network net;
  private final Objective obj;
  private JavaRDD<Ordered> epoch;
  private JavaRDD<Ordered> steps;
  private boolean barrier;

  public SparkBatches(JavaRDD<Block> train, JavaRDD<Block> validation, long seed, long batchSize, Network net, Objective obj) {
    this.train = train;
    this.validation = validation;
    long[] sizes = RowBlocks.sizes(train);
    this.offsets = RowBlocks.offsets(sizes);
    long n = 0;
    for (long s : sizes) n += s;
    this.rows = n;
    long v = 0;
    for (long s : RowBlocks.sizes(validation)) v += s;
    this.validationRows = v;
    this.seed = seed;
    this.batchSize = batchSize;
    this.net = net;
    this.obj = obj;
  }

  @Override public long rows() { return rows; }

  @Override public long validationRows() { return validationRows; }

  @Override public void epoch(int e) {
    Shuffle shuffle = new Shuffle(seed, e, rows);
    long[] off = offsets;
    long b = batchSize;
    Network n = net;
    Objective o = obj;
    JavaRDD<Ordered> next = train.mapPartitionsWithIndex((index, it) -> {
      Block blk = it.next();
      return List.of(new Ordered(index, blk, blk.order(shuffle, off[index], b), n, o)).iterator();
    }, true).persist(StorageLevel.MEMORY_AND_DISK());
    next.count();
    if (epoch != null) epoch.unpersist(false);
    epoch = next;
    steps = StepJob.view(epoch);
  }

  /**
   * Barrier mode: one job per epoch, the partitions exchanging partial sums every iteration.
   * Needs a free task slot per partition (the caller coalesces to the cluster's parallelism).
   */
  public SparkBatches barrier(boolean on) {
    this.barrier = on;
    return this;
  }

  @Override public Stepper.EpochRun trainEpoch(long iterations, Stepper stepper, double[] w) {
    return barrier ? BarrierEpoch.run(epoch, iterations, stepper, w) : null;
  }

  @Override public StepSums step(long batch, double[] w) {
    StepSums[] parts;
    try {
      parts = StepJob.run(steps, epoch.getNumPartitions(), batch, net, obj, w);
    } catch (Exception lost) {
      // The step view reads cached blocks by id and cannot recompute them. If an executor took
      // some with it, recompute them through the epoch's lineage and take the same step again.
      epoch.count();
      steps = StepJob.view(epoch);
      parts = StepJob.run(steps, epoch.getNumPartitions(), batch, net, obj, w);
    }
    StepSums total = new StepSums(net.size());
    for (StepSums p : parts) total.merge(p);
    return total;
  }

  @Override public StatSet evaluate(Part part, double[] w, StatSet prototype, RowRule rule) {
    Network n = net;
    Objective o = obj;
    JavaRDD<Block> rdd = part == Part.TRAIN ? train : validation;
    List<StatSet> parts = rdd.map(b -> b.evaluate(n, o, w, prototype, rule)).collect();
    StatSet total = prototype.fresh();
    for (StatSet p : parts) total.merge(p);
    return total;
  }

  JavaRDD<Ordered> ordered() {
    return epoch;
  }

  /** What a step job runs on (for timing the bare job the same way). */
  JavaRDD<Ordered> stepView() {
    return steps;
  }

  /** Releases the cached epoch order. */
  public void close() {
    if (epoch != null) epoch.unpersist(false);
    epoch = null;
    steps = null;
  }
}
