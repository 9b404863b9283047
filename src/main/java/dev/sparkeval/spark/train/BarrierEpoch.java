package dev.sparkeval.spark.train;

import dev.sparkeval.train.StepSums;
import dev.sparkeval.train.Stepper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Base64;
import java.util.List;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.api.java.JavaRDD;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;

/**
 * A whole epoch as one barrier job: every partition's task stays alive for the epoch and, per
 * iteration, computes its partial sums over the batch, exchanges them with allGather (ordered by
 * partition, so every task merges them in the same order), and applies the same update to its
 * own copy of the weights. One Spark job per epoch instead of one per iteration; needs a free
 * slot for every partition at once.
 */
final class BarrierEpoch extends AbstractFunction1<Iterator<SparkBatches.Ordered>, Iterator<Stepper.EpochRun>>
    implements Serializable {
  private static final long serialVersionUID = 1L;
  private final long iterations;
  private final Stepper stepper;
  private final double[] start;

  BarrierEpoch(long iterations, Stepper stepper, double[] start) {
    this.iterations = iterations;
    this.stepper = stepper;
    this.start = start;
  }

  static Stepper.EpochRun run(JavaRDD<SparkBatches.Ordered> epoch, long iterations, Stepper stepper, double[] w) {
    ClassTag<Stepper.EpochRun> tag = ClassTag$.MODULE$.apply(Stepper.EpochRun.class);
    Object out = epoch.rdd().barrier().mapPartitions(new BarrierEpoch(iterations, stepper, w), false, tag).collect();
    return ((Stepper.EpochRun[]) out)[0];
  }

  @Override public Iterator<Stepper.EpochRun> apply(Iterator<SparkBatches.Ordered> it) {
    BarrierTaskContext ctx = BarrierTaskContext.get();
    SparkBatches.Ordered ob = it.next();
    double[] w = start.clone();
    double[] losses = new double[(int) iterations];
    long[] rows = new long[(int) iterations];
    for (int b = 0; b < iterations; b++) {
      StepSums mine = ob.block().step(ob.keys(), b, ob.net(), ob.obj(), w);
      String[] all = ctx.allGather(encode(mine));
      StepSums total = new StepSums(w.length);
      for (String s : all) total.merge(decode(s));
      losses[b] = stepper.apply(total, w);
      rows[b] = total.rows;
    }
    List<Stepper.EpochRun> out = ctx.partitionId() == 0
        ? List.of(new Stepper.EpochRun(w, stepper.optimizer().state(), losses, rows)) : List.of();
    return CollectionConverters.asScala(out.iterator());
  }

  static String encode(StepSums s) {
    if (s == null) return "";
    try (ByteArrayOutputStream b = new ByteArrayOutputStream(); ObjectOutputStream o = new ObjectOutputStream(b)) {
      o.writeObject(s);
      o.flush();
      return Base64.getEncoder().encodeToString(b.toByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static StepSums decode(String s) {
    if (s.isEmpty()) return null;
    try (ObjectInputStream o = new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(s)))) {
      return (StepSums) o.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
