package dev.sparkeval.spark.eval;

import dev.sparkeval.state.OrderKeys;
import dev.sparkeval.state.OrderWalk;
import dev.sparkeval.state.PosNeg;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import scala.Tuple2;

/**
 * The replicates' side of {@link ReplicateOrders#walk}: sees each sorted record before the value's
 * walk ({@link OrderJob#walk}) does, keeps every replicate's cell of the current value, and walks
 * every replicate's distinct values, each group's from that replicate's weight before this task.
 */
final class ReplicateTap implements Iterator<Tuple2<long[], double[]>> {
  private final int task;
  private final Iterator<Tuple2<long[], double[]>> it;
  private final OrderJob.Table t;
  private final ReplicateOrders.Table rt;
  private final long[] salts;
  private final PosNeg[] cells;
  final List<ReplicateOrders.Walk> out = new ArrayList<>();
  private OrderWalk[][] reps;
  private boolean desc;
  private int group = -1, unit = -1, firstUnit = -1;
  private long bits;

  ReplicateTap(int task, Iterator<Tuple2<long[], double[]>> it, OrderJob.Table t, ReplicateOrders.Table rt, long[] salts) {
    this.task = task;
    this.it = it;
    this.t = t;
    this.rt = rt;
    this.salts = salts;
    this.cells = ReplicateOrders.fresh(salts.length);
  }

  @Override public boolean hasNext() {
    return it.hasNext();
  }

  @Override public Tuple2<long[], double[]> next() {
    Tuple2<long[], double[]> rec = it.next();
    long[] k = rec._1();
    if (k[0] != unit || k[1] != bits) {
      close();
      if (k[0] != unit && t.units().group((int) k[0]) != group) {
        finish();
        startGroup((int) k[0]);
      }
      unit = (int) k[0];
      bits = k[1];
    }
    ReplicateOrders.add(cells, rec._2(), salts);
    return rec;
  }

  private void startGroup(int first) {
    group = t.units().group(first);
    firstUnit = first;
    desc = t.units().descending(group);
    PosNeg[] before = rt.before().get(ReplicateOrders.key(task, group));
    OrderWalk.Walker[][] rw = rt.walkers().get(group);
    reps = new OrderWalk[rw.length][];
    for (int r = 0; r < rw.length; r++) {
      reps[r] = new OrderWalk[rw[r].length];
      for (int w = 0; w < rw[r].length; w++) reps[r][w] = rw[r][w].start(before == null ? new PosNeg() : before[r]);
    }
  }

  /** The previous distinct value closes: each replicate drawn into it walks its cell. */
  private void close() {
    if (reps == null) return;
    double value = desc ? OrderKeys.fromDescending(bits) : OrderKeys.fromAscending(bits);
    for (int r = 0; r < reps.length; r++) {
      if (cells[r].rows() == 0) continue; // no row of this value is drawn into replicate r
      for (OrderWalk w : reps[r]) w.next(value, cells[r]);
      cells[r].clear();
    }
  }

  private void finish() {
    if (reps == null) return;
    for (int r = 0; r < reps.length; r++) {
      for (int w = 0; w < reps[r].length; w++) out.add(new ReplicateOrders.Walk(group, firstUnit, w, r, reps[r][w].compact()));
    }
  }

  void end() {
    close();
    finish();
  }
}
