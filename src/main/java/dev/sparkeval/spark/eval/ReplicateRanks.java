package dev.sparkeval.spark.eval;

import dev.sparkeval.core.ReplicateStat;
import dev.sparkeval.state.PosNeg;
import dev.sparkeval.state.RankSums;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * Exact AUC of every bootstrap replicate from the sort job that computes the value itself. Each
 * shuffled pair carries its row's hash, so a task redraws the row's Poisson count k for replicate
 * r exactly as the pass did, and the pair enters replicate r with weight w * k. Average precision
 * needs the exact weight above where a task's walk starts, per replicate: a first job over the same
 * shuffle (its map side is not run again) sums each task's weight per group and replicate, and the
 * driver turns those into the offsets the walk starts from. Results travel as exact numerators.
 */
final class ReplicateRanks {
  /** One task's total weight per replicate of one group. */
  record Totals(int partition, int group, PosNeg[] weights) implements Serializable {}

  /** One task's sums of one group: the value's and each replicate's (as exact numerators). */
  record Sums(int group, RankSums main, BigDecimal[] auc, BigDecimal[] ap) implements Serializable {}

  /** Per group: the sums of the value and of every replicate, and every replicate's total weight. */
  record Result(RankSums[] main, RankSums[][] replicates, PosNeg[][] totals) {}

  private ReplicateRanks() {}

  @SuppressWarnings("unchecked")
  static Result run(JavaRDD<Tuple2<long[], double[]>> sorted, Map<Long, PosNeg> unitOffsets, int bins, long[] salts,
                    int groups) {
    int n = salts.length;
    List<Totals> totals = sorted.mapPartitionsWithIndex((j, it) -> totals(j, it, bins, salts).iterator(), false).collect();
    PosNeg[][] sum = new PosNeg[groups][];
    Map<Long, PosNeg[]> starts = new HashMap<>(); // (partition, group) -> weight above, per replicate
    List<Totals> ordered = new ArrayList<>(totals);
    ordered.sort((a, b) -> Integer.compare(a.partition(), b.partition())); // partitions follow the units: scores descending
    for (Totals t : ordered) {
      if (sum[t.group()] == null) sum[t.group()] = fresh(n);
      PosNeg[] above = new PosNeg[n];
      for (int r = 0; r < n; r++) {
        above[r] = sum[t.group()][r].copy();
        sum[t.group()][r].merge(t.weights()[r]);
      }
      starts.put(key(t.partition(), t.group()), above);
    }
    Broadcast<Map<Long, PosNeg[]>> b = JavaSparkContext.fromSparkContext(sorted.context()).broadcast(starts);
    List<Sums> parts = sorted.mapPartitionsWithIndex((j, it) -> walk(j, it, unitOffsets, bins, salts, b.value()), false)
        .collect();
    b.destroy();
    RankSums[] main = new RankSums[groups];
    BigDecimal[][] auc = new BigDecimal[groups][];
    BigDecimal[][] ap = new BigDecimal[groups][];
    for (Sums s : parts) {
      int g = s.group();
      if (main[g] == null) main[g] = s.main();
      else main[g].merge(s.main());
      if (auc[g] == null) {
        auc[g] = s.auc().clone();
        ap[g] = s.ap().clone();
      } else {
        for (int r = 0; r < n; r++) {
          auc[g][r] = auc[g][r].add(s.auc()[r]);
          ap[g][r] = ap[g][r].add(s.ap()[r]);
        }
      }
    }
    RankSums[][] reps = new RankSums[groups][];
    for (int g = 0; g < groups; g++) {
      if (auc[g] == null) continue;
      reps[g] = new RankSums[n];
      for (int r = 0; r < n; r++) reps[g][r] = RankSums.finished(auc[g][r], ap[g][r]);
    }
    return new Result(main, reps, sum);
  }

  static long key(int partition, int group) {
    return (long) partition << 32 | group;
  }

  static PosNeg[] fresh(int n) {
    PosNeg[] p = new PosNeg[n];
    for (int r = 0; r < n; r++) p[r] = new PosNeg();
    return p;
  }

  /** Job one: this task's weight per group and replicate. */
  static List<Totals> totals(int j, Iterator<Tuple2<long[], double[]>> it, int bins, long[] salts) {
    List<Totals> out = new ArrayList<>();
    PosNeg[] cur = null;
    int group = -1;
    while (it.hasNext()) {
      Tuple2<long[], double[]> t = it.next();
      int g = (int) (t._1()[0] / bins);
      if (g != group) {
        group = g;
        cur = fresh(salts.length);
        out.add(new Totals(j, g, cur));
      }
      add(cur, t._2(), salts);
    }
    return out;
  }

  /** Adds one pair to every replicate it is drawn into. */
  static void add(PosNeg[] cells, double[] v, long[] salts) {
    long h = RankShuffle.hash(v);
    boolean positive = v[0] == 1;
    for (int r = 0; r < salts.length; r++) {
      int k = ReplicateStat.draw(h, salts[r]);
      if (k != 0) cells[r].add(positive, v[1] * k);
    }
  }

  /**
   * Job two: the walk of {@link RankShuffle#walk} for the value, and beside it one per replicate,
   * which starts at this task's first score of a group from the weight above it.
   */
  static Iterator<Sums> walk(int j, Iterator<Tuple2<long[], double[]>> it, Map<Long, PosNeg> unitOffsets, int bins,
                             long[] salts, Map<Long, PosNeg[]> starts) {
    int n = salts.length;
    List<Sums> out = new ArrayList<>();
    RankSums sums = null;
    RankSums[] reps = null;
    PosNeg cell = null;
    PosNeg[] cells = fresh(n);
    long unit = -1, score = 0;
    int group = -1;
    while (it.hasNext()) {
      Tuple2<long[], double[]> t = it.next();
      long[] k = t._1();
      boolean newUnit = k[0] != unit;
      boolean newScore = newUnit || k[1] != score;
      if (newScore && cell != null) { // a new distinct score closes the previous one's cells
        sums.next(cell);
        close(reps, cells);
      }
      if (newUnit) {
        unit = k[0];
        int g = (int) (unit / bins);
        if (g != group) { // a group's units are contiguous: the previous group is done in this task
          if (reps != null) out.add(finish(group, sums, reps));
          group = g;
          sums = new RankSums();
          reps = new RankSums[n];
          PosNeg[] above = starts.get(key(j, g));
          for (int r = 0; r < n; r++) {
            reps[r] = new RankSums();
            reps[r].start(above == null ? null : above[r]);
          }
        }
        sums.start(unitOffsets.get(unit)); // the value's walk restarts at every unit from its exact offset
      }
      if (newScore) cell = new PosNeg();
      score = k[1];
      cell.add(t._2()[0] == 1, t._2()[1]);
      add(cells, t._2(), salts);
    }
    if (cell != null) {
      sums.next(cell);
      close(reps, cells);
      out.add(finish(group, sums, reps));
    }
    return out.iterator();
  }

  private static void close(RankSums[] reps, PosNeg[] cells) {
    for (int r = 0; r < reps.length; r++) {
      if (cells[r].empty()) continue;
      reps[r].next(cells[r]);
      cells[r].clear();
    }
  }

  private static Sums finish(int group, RankSums main, RankSums[] reps) {
    BigDecimal[] auc = new BigDecimal[reps.length];
    BigDecimal[] ap = new BigDecimal[reps.length];
    for (int r = 0; r < reps.length; r++) {
      auc[r] = reps[r].aucExact();
      ap[r] = reps[r].apExact();
    }
    return new Sums(group, main, auc, ap);
  }
}
