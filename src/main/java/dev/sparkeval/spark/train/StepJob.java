package dev.sparkeval.spark.train;

import dev.sparkeval.train.Network;
import dev.sparkeval.train.Objective;
import dev.sparkeval.train.StepSums;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.BlockRDD;
import org.apache.spark.storage.BlockId;
import org.apache.spark.storage.RDDBlockId;
import scala.collection.Iterator;
import scala.collection.immutable.Seq;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;

/**
 * One iteration as one small Spark job. Where a step's time goes is the job, not the batch: the
 * driver serialises the RDD lineage into every task, each task deserialises it, and the closure
 * cleaner parses class files. So a step reads the epoch's cached blocks by block id (a lineage
 * of a few hundred bytes instead of the SQL plan's 45 KB), one task per slot reading the blocks
 * held there, and submits our own (TaskContext, Iterator) function class, which the closure
 * cleaner does not need to parse (see docs/BENCHMARKS.md). Every block's sums come back on their
 * own and are merged in block order, so how blocks are grouped into tasks cannot change a bit.
 */
final class StepJob extends AbstractFunction2<TaskContext, Iterator<SparkBatches.Ordered>, StepJob.Part[]>
    implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ClassTag<SparkBatches.Ordered> ORDERED = ClassTag$.MODULE$.apply(SparkBatches.Ordered.class);
  private static final ClassTag<Part[]> PARTS = ClassTag$.MODULE$.apply(Part[].class);

  /** The sums of block {@code index}. */
  record Part(int index, StepSums sums) implements Serializable {}

  private final long batch;
  private final Network net;
  private final Objective obj;
  private final double[] w;

  private StepJob(long batch, Network net, Objective obj, double[] w) {
    this.batch = batch;
    this.net = net;
    this.obj = obj;
    this.w = w;
  }

  @Override public Part[] apply(TaskContext ctx, Iterator<SparkBatches.Ordered> it) {
    List<Part> out = new ArrayList<>();
    while (it.hasNext()) {
      SparkBatches.Ordered ob = it.next();
      out.add(new Part(ob.index(), ob.block().step(ob.keys(), batch, net, obj, w)));
    }
    return out.toArray(new Part[0]);
  }

  /**
   * The cached partitions of {@code epoch} read by block id (BlockRDD, Spark's reader of stored
   * blocks, as Spark Streaming uses it), at most one task per slot. It cannot recompute a lost
   * block; the caller recomputes through {@code epoch} and makes a new view.
   */
  static JavaRDD<SparkBatches.Ordered> view(JavaRDD<SparkBatches.Ordered> epoch) {
    int n = epoch.getNumPartitions();
    BlockId[] ids = new BlockId[n];
    for (int i = 0; i < n; i++) ids[i] = new RDDBlockId(epoch.id(), i);
    JavaRDD<SparkBatches.Ordered> blocks = JavaRDD.fromRDD(new BlockRDD<>(epoch.context(), ids, ORDERED), ORDERED);
    int slots = Math.max(1, epoch.context().defaultParallelism());
    return n > slots ? blocks.coalesce(slots) : blocks;
  }

  /** The step's sums of the {@code blocks} blocks, one per block (null when it has no row of the batch), in block order. */
  static StepSums[] run(JavaRDD<SparkBatches.Ordered> view, int blocks, long batch, Network net, Objective obj, double[] w) {
    Part[][] parts = (Part[][]) view.context().runJob(view.rdd(), new StepJob(batch, net, obj, w), all(view), PARTS);
    StepSums[] out = new StepSums[blocks]; // null: the block has no row in this batch
    boolean[] seen = new boolean[blocks];
    for (Part[] task : parts) {
      for (Part p : task) {
        out[p.index()] = p.sums();
        seen[p.index()] = true;
      }
    }
    for (int i = 0; i < blocks; i++) if (!seen[i]) throw new IllegalStateException("no step result for block " + i);
    return out;
  }

  private static Seq<Object> all(JavaRDD<?> rdd) {
    List<Object> ids = new ArrayList<>();
    for (int i = 0; i < rdd.getNumPartitions(); i++) ids.add(i);
    return scala.jdk.javaapi.CollectionConverters.asScala(ids).toList();
  }

  /** A job that does nothing over the same partitions, submitted the same way: the floor of one step. */
  static <T> void empty(JavaRDD<T> rdd) {
    rdd.context().runJob(rdd.rdd(), new Nothing<T>(), all(rdd), ClassTag$.MODULE$.apply(Integer.class));
  }

  private static final class Nothing<T> extends AbstractFunction2<TaskContext, Iterator<T>, Integer> implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override public Integer apply(TaskContext ctx, Iterator<T> it) {
      return 0;
    }
  }
}
