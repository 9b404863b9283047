package dev.sparkeval.spark.eval;

import dev.sparkeval.core.ReplicateStat;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.state.OrderStat;
import dev.sparkeval.state.OrderWalk;
import dev.sparkeval.state.PosNeg;
import dev.sparkeval.state.Walked;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * Order statistics of every bootstrap replicate from the sort job that computes their values. A
 * record carries its row's hash, so a task redraws the row's Poisson count k in replicate r
 * exactly as the pass did and the record enters that replicate with weight w * k. A walk needs
 * the exact weight before where a task starts, per replicate: a first job over the same shuffle
 * (its map side is not run again) sums each task's weight per group and replicate; the driver
 * turns those into each replicate's totals and starting weights, and the second job walks the
 * value and every replicate side by side. Replicate walks travel compacted.
 */
final class ReplicateOrders {
  /** One task's weight per replicate in one group. */
  record Totals(int partition, int group, PosNeg[] weights) implements Serializable {}

  /** A replicate's finished walk: group, first unit, walker, replicate and the walk. */
  record Walk(int group, int firstUnit, int walker, int replicate, OrderWalk walk) implements Serializable {}

  /** What the second job's tasks need: each group's replicate walkers and each task's starting weights. */
  record Table(List<OrderWalk.Walker[][]> walkers, Map<Long, PosNeg[]> before) implements Serializable {}

  private ReplicateOrders() {}

  /** The bootstrap state of a set when its replicates hold order statistics; else null. */
  static ReplicateStat of(StatSet set) {
    for (Stat s : set.stats()) {
      if (s instanceof ReplicateStat reps && reps.size() > 0
          && reps.replicate(0).stats().stream().anyMatch(x -> x instanceof OrderStat)) {
        return reps;
      }
    }
    return null;
  }

  /** Marks the order statistics of every replicate external (the pass keeps nothing for them). */
  static void defer(StatSet prototype) {
    for (Stat s : prototype.stats()) {
      if (!(s instanceof ReplicateStat reps)) continue;
      for (int i = 0; i < reps.size(); i++) {
        for (Stat x : reps.replicate(i).stats()) if (x instanceof OrderStat o) o.external();
      }
    }
  }

  static long key(int partition, int group) {
    return (long) partition << 32 | group;
  }

  static PosNeg[] fresh(int n) {
    PosNeg[] p = new PosNeg[n];
    for (int r = 0; r < n; r++) p[r] = new PosNeg();
    return p;
  }

  /**
   * Runs both jobs over sorted (records carrying hashes), completes every replicate of every set,
   * and returns the value's walks as {@link OrderJob#walk} would.
   */
  static List<OrderJob.Result> run(JavaRDD<Tuple2<long[], double[]>> sorted, Broadcast<OrderJob.Table> main,
                                   List<StatSet> sets, List<OrderStat> streams, long[] salts) {
    OrderJob.Table t = main.value();
    int n = salts.length, groups = t.walkers().size();
    List<Totals> totals = sorted.mapPartitionsWithIndex((j, it) -> totals(j, it, main.value().units(), salts).iterator(), false)
        .collect();
    List<Totals> ordered = new ArrayList<>(totals);
    ordered.sort(Comparator.comparingInt(Totals::partition)); // ranges follow the units: each group in stream order
    PosNeg[][] sum = new PosNeg[groups][];
    Map<Long, PosNeg[]> before = new HashMap<>();
    for (Totals x : ordered) {
      if (sum[x.group()] == null) sum[x.group()] = fresh(n);
      PosNeg[] at = new PosNeg[n];
      for (int r = 0; r < n; r++) {
        at[r] = sum[x.group()][r].copy();
        sum[x.group()][r].merge(x.weights()[r]);
      }
      before.put(key(x.partition(), x.group()), at);
    }
    // Each replicate's totals first: a walker may need them (a quantile's rank).
    List<Walked[][]> owners = new ArrayList<>();
    List<OrderWalk.Walker[][]> walkers = new ArrayList<>();
    for (int si = 0; si < sets.size(); si++) {
      ReplicateStat reps = of(sets.get(si));
      for (int s = 0; s < streams.size(); s++) {
        for (int i = 0; i < n; i++) {
          if (reps == null) continue;
          PosNeg[] ch = new PosNeg[t.classes()[si][s]];
          for (int c = 0; c < ch.length; c++) {
            PosNeg[] g = sum[t.first()[si][s] + c];
            ch[c] = g == null ? new PosNeg() : g[i];
          }
          reps.replicate(i).get(streams.get(s)).completeTotals(ch);
        }
        for (int c = 0; c < t.classes()[si][s]; c++) {
          Walked[][] own = new Walked[n][];
          OrderWalk.Walker[][] ws = new OrderWalk.Walker[n][];
          for (int i = 0; i < n; i++) {
            if (reps == null) {
              own[i] = new Walked[0];
              ws[i] = new OrderWalk.Walker[0];
              continue;
            }
            StatSet rep = reps.replicate(i);
            OrderStat data = rep.get(streams.get(s));
            List<Walked> walked = new ArrayList<>();
            for (Stat x : rep.stats()) if (x instanceof Walked w && w.source().key().equals(data.key())) walked.add(w);
            own[i] = walked.toArray(new Walked[0]);
            ws[i] = new OrderWalk.Walker[own[i].length];
            for (int j = 0; j < ws[i].length; j++) ws[i][j] = own[i][j].walker(data, c);
          }
          owners.add(own);
          walkers.add(ws);
        }
      }
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sorted.context());
    Broadcast<Table> reps = jsc.broadcast(new Table(walkers, before));
    List<Object> out;
    try {
      out = sorted.mapPartitionsWithIndex((j, it) -> walk(j, it, main.value(), reps.value(), salts), false).collect();
    } finally {
      reps.destroy();
    }
    List<OrderJob.Result> results = new ArrayList<>();
    Map<List<Integer>, List<Walk>> byWalker = new HashMap<>();
    for (Object o : out) {
      if (o instanceof OrderJob.Result r) results.add(r);
      else if (o instanceof Walk w) byWalker.computeIfAbsent(List.of(w.group(), w.walker(), w.replicate()), x -> new ArrayList<>()).add(w);
    }
    List<Integer> channelOf = channels(t);
    for (List<Walk> list : byWalker.values()) {
      list.sort(Comparator.comparingInt(Walk::firstUnit));
      List<OrderWalk> walks = new ArrayList<>();
      for (Walk w : list) walks.add(w.walk());
      Walk any = list.get(0);
      owners.get(any.group())[any.replicate()][any.walker()].complete(channelOf.get(any.group()), walks);
    }
    return results;
  }

  /** The channel of every group, in group order. */
  private static List<Integer> channels(OrderJob.Table t) {
    List<Integer> out = new ArrayList<>();
    for (int si = 0; si < t.classes().length; si++) {
      for (int s = 0; s < t.streams().size(); s++) for (int c = 0; c < t.classes()[si][s]; c++) out.add(c);
    }
    return out;
  }

  /** Job one: this task's weight per group and replicate. */
  static List<Totals> totals(int j, Iterator<Tuple2<long[], double[]>> it, OrderUnits units, long[] salts) {
    List<Totals> out = new ArrayList<>();
    PosNeg[] cur = null;
    int group = -1;
    while (it.hasNext()) {
      Tuple2<long[], double[]> rec = it.next();
      int g = units.group((int) rec._1()[0]);
      if (g != group) {
        group = g;
        cur = fresh(salts.length);
        out.add(new Totals(j, g, cur));
      }
      add(cur, rec._2(), salts);
    }
    return out;
  }

  /** Adds a record to every replicate its row is drawn into, w * k times. */
  static void add(PosNeg[] cells, double[] v, long[] salts) {
    long h = OrderShuffle.hash(v);
    boolean side = v[0] == 1;
    for (int r = 0; r < salts.length; r++) {
      int k = ReplicateStat.draw(h, salts[r]);
      if (k != 0) cells[r].add(side, v[1] * k);
    }
  }

  /**
   * Job two: {@link OrderJob#walk} for the value, over the records as they pass through a tap that
   * walks every replicate beside it, started at this task's first value of a group from that
   * replicate's weight before.
   */
  static Iterator<Object> walk(int j, Iterator<Tuple2<long[], double[]>> it, OrderJob.Table t, Table rt, long[] salts) {
    ReplicateTap tap = new ReplicateTap(j, it, t, rt, salts);
    List<Object> out = new ArrayList<>();
    OrderJob.walk(tap, t).forEachRemaining(out::add);
    tap.end();
    out.addAll(tap.out);
    return out.iterator();
  }
}
