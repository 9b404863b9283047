package dev.sparkeval.spark.eval;

import dev.sparkeval.core.ReplicateStat;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.state.ClassWeights;
import dev.sparkeval.state.OrderKeys;
import dev.sparkeval.state.OrderStat;
import dev.sparkeval.state.OrderWalk;
import dev.sparkeval.state.PosNeg;
import dev.sparkeval.state.SpearmanStat;
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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Order statistics in one sort job. The pass built, per stream ({@link OrderStat}: the scores of
 * exact AUC, the absolute errors of the median, the labels of a quantile), state set (overall and
 * each slice) and channel, an {@link dev.sparkeval.state.OrderLayout}; each non-empty bin is a
 * unit. Units give the range partitioning (no sampling job) and the exact weight before each unit.
 * The job shuffles (unit, value) -> (side, weight) once per stream, whatever the number of walks
 * over it, sorts each range and runs every {@link Walked} state's walk over the distinct values;
 * each partition returns a few finished walks per group, and no value reaches the driver.
 * Spearman's ranks need a job of their own ({@link SpearmanJob}).
 */
public final class OrderJob {
  private OrderJob() {}

  /**
   * Marks the plan's order states (and Spearman's) as deferred, and those of its bootstrap
   * replicates as external; true if there are any.
   */
  public static boolean defer(StatSet prototype) {
    ReplicateOrders.defer(prototype);
    boolean any = false;
    for (Stat s : prototype.stats()) {
      if (s instanceof OrderStat o) {
        o.defer();
        any = true;
      } else if (s instanceof SpearmanStat sp) {
        sp.defer();
        any = true;
      }
    }
    return any;
  }

  /** What the executors need: the streams, the groups of each set, the units and the walkers. */
  record Table(List<OrderStat> streams, int[][] first, int[][] classes, OrderUnits units,
               List<OrderWalk.Walker[]> walkers) implements Serializable {}

  /** One finished walk: its group, the unit it started at, and which walker of the group made it. */
  record Result(int group, int firstUnit, int walker, OrderWalk walk) implements Serializable {}

  /**
   * Completes the walks of the overall set and of every slice. Set 0 is the overall one; a row of
   * slice key K also counts in set 1 + index of K.
   */
  public static void complete(Dataset<Row> projected, RowReader reader, RowRule rule, StatSet overall,
                              Map<List<String>, StatSet> slices) {
    List<StatSet> sets = new ArrayList<>(List.of(overall));
    Map<List<String>, Integer> sliceIndex = new HashMap<>();
    for (Map.Entry<List<String>, StatSet> e : slices.entrySet()) {
      sliceIndex.put(e.getKey(), sets.size());
      sets.add(e.getValue());
    }
    List<OrderStat> streams = new ArrayList<>();
    for (Stat s : overall.stats()) {
      if (s instanceof OrderStat o) streams.add(o);
      if (s instanceof SpearmanStat sp) SpearmanJob.complete(projected, reader, rule, sets, sliceIndex, sp);
    }
    int[][] first = new int[sets.size()][streams.size()];
    int[][] classes = new int[sets.size()][streams.size()];
    OrderUnits units = new OrderUnits();
    List<OrderWalk.Walker[]> walkers = new ArrayList<>();
    List<Walked[]> owners = new ArrayList<>();
    List<Integer> channelOf = new ArrayList<>();
    for (int si = 0; si < sets.size(); si++) {
      for (int r = 0; r < streams.size(); r++) {
        OrderStat data = sets.get(si).get(streams.get(r));
        data.checkWalkable();
        List<Walked> walked = new ArrayList<>();
        for (Stat s : sets.get(si).stats()) {
          if (s instanceof Walked w && w.source().key().equals(data.key())) walked.add(w);
        }
        classes[si][r] = Math.max(data.classes(), 0);
        first[si][r] = walkers.size();
        for (int c = 0; c < classes[si][r]; c++) {
          units.add(data.layout(c), data.descending());
          OrderWalk.Walker[] ws = new OrderWalk.Walker[walked.size()];
          for (int j = 0; j < ws.length; j++) ws[j] = walked.get(j).walker(data, c);
          walkers.add(ws);
          owners.add(walked.toArray(new Walked[0]));
          channelOf.add(c);
        }
      }
    }
    if (units.units() == 0) return;
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(projected.sparkSession().sparkContext());
    Broadcast<Table> table = jsc.broadcast(new Table(streams, first, classes, units, walkers));
    try {
      ReplicateStat bootstrap = ReplicateOrders.of(overall); // with one, records carry the row's hash
      boolean hashed = bootstrap != null;
      OrderShuffle.Emitter emit = (e, inSets, out) -> {
        Table t = table.value();
        long h = hashed ? ReplicateStat.hash(e) : 0;
        for (int si : inSets) {
          for (int r = 0; r < t.streams().size(); r++) {
            OrderStat s = t.streams().get(r);
            if (t.classes()[si][r] == 0) continue;
            for (int j = 0, n = s.elements(e); j < n; j++) {
              if (!s.includes(e, j)) continue; // as the pass left it out of the layout
              int c = s.channelOf(e, j);
              double v = s.value(e, j);
              int unit = t.units().unit(t.first()[si][r] + c, s.layoutKey(v));
              long bits = s.descending() ? OrderKeys.descending(v) : OrderKeys.ascending(v);
              out.add(new Tuple2<>(new long[] {unit, bits}, OrderShuffle.value(s.side(e, j), e.weight, hashed, h,
                  s.tagged() ? s.tag(e, j) : -1)));
            }
          }
        }
      };
      long[] rows = units.rowsPerUnit();
      JavaRDD<Tuple2<long[], double[]>> sorted = OrderShuffle.sorted(OrderShuffle.records(projected, reader, rule,
          sliceIndex, emit), OrderShuffle.starts(rows, OrderShuffle.ranges(projected, rows)), jsc.getConf()).toJavaRDD();
      List<Result> results = hashed ? ReplicateOrders.run(sorted, table, sets, streams, bootstrap.salts())
          : sorted.mapPartitions(it -> walk(it, table.value())).collect();
      Map<Long, List<Result>> byWalker = new HashMap<>();
      for (Result res : results) byWalker.computeIfAbsent(((long) res.group() << 32) | res.walker(), x -> new ArrayList<>()).add(res);
      for (List<Result> list : byWalker.values()) {
        list.sort(Comparator.comparingInt(Result::firstUnit));
        List<OrderWalk> walks = new ArrayList<>();
        for (Result res : list) walks.add(res.walk());
        Result any = list.get(0);
        owners.get(any.group())[any.walker()].complete(channelOf.get(any.group()), walks);
      }
    } finally {
      table.destroy();
    }
  }

  /**
   * Walks sorted records: a run of consecutive units of one group is one walk per walker, started
   * from the exact weight before its first unit; a new value closes the cell of the previous one.
   */
  static Iterator<Result> walk(Iterator<Tuple2<long[], double[]>> it, Table t) {
    List<Result> out = new ArrayList<>();
    OrderWalk[] walks = null;
    PosNeg cell = null;
    ClassWeights tags = null; // tagged streams: the cell's weight per tag
    boolean desc = false;
    int group = -1, unit = -1, firstUnit = -1;
    long bits = 0;
    while (it.hasNext()) {
      Tuple2<long[], double[]> rec = it.next();
      long[] k = rec._1();
      if (k[0] != unit || k[1] != bits) {
        if (cell != null) feed(walks, desc ? OrderKeys.fromDescending(bits) : OrderKeys.fromAscending(bits), cell, tags);
        if (k[0] != unit) {
          unit = (int) k[0];
          int g = t.units().group(unit);
          if (g != group) {
            finish(out, group, firstUnit, walks);
            group = g;
            firstUnit = unit;
            OrderWalk.Walker[] ws = t.walkers().get(g);
            walks = new OrderWalk[ws.length];
            for (int j = 0; j < ws.length; j++) walks[j] = ws[j].start(t.units().before(unit));
            desc = t.units().descending(g);
          }
        }
        bits = k[1];
        cell = new PosNeg();
        tags = OrderShuffle.tagged(rec._2()) ? new ClassWeights() : null;
      }
      cell.add(rec._2()[0] == 1, rec._2()[1]);
      if (tags != null) tags.add(OrderShuffle.tag(rec._2()), rec._2()[1]);
    }
    if (cell != null) feed(walks, desc ? OrderKeys.fromDescending(bits) : OrderKeys.fromAscending(bits), cell, tags);
    finish(out, group, firstUnit, walks);
    return out.iterator();
  }

  private static void feed(OrderWalk[] walks, double value, PosNeg cell, ClassWeights tags) {
    for (OrderWalk w : walks) w.next(value, cell, tags);
  }

  private static void finish(List<Result> out, int group, int firstUnit, OrderWalk[] walks) {
    if (walks == null) return;
    for (int j = 0; j < walks.length; j++) out.add(new Result(group, firstUnit, j, walks[j]));
  }
}
