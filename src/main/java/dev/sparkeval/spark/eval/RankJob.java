package dev.sparkeval.spark.eval;

import dev.sparkeval.core.ReplicateStat;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.state.PosNeg;
import dev.sparkeval.state.RankStat;
import dev.sparkeval.state.RankSums;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Exact AUC in one sort job. The pass already built, per class (and slice), a histogram of the
 * scores on {@link RankStat#LAYOUT_BINS} logit bins; each (slice, class, bin) is a "unit". Units
 * give the range partitioning (no sampling job) and the exact weight above each unit. The job
 * shuffles (unit, score) -> (positive, weight), sorts each range by score descending, and walks
 * the distinct scores with {@link RankSums}; each partition returns a few exact sums per class.
 */
public final class RankJob {
  private static final int B = RankStat.LAYOUT_BINS;

  private RankJob() {}

  /**
   * Marks the plan's exact-AUC states as deferred, and those of its bootstrap replicates as
   * external (the pass keeps nothing for them); true if there are any.
   */
  public static boolean defer(StatSet prototype) {
    boolean any = false;
    for (Stat s : prototype.stats()) {
      if (s instanceof RankStat r) {
        r.defer();
        any = true;
      }
      if (s instanceof ReplicateStat reps) {
        for (int i = 0; i < reps.size(); i++) {
          for (Stat x : reps.replicate(i).stats()) if (x instanceof RankStat r) r.external();
        }
      }
    }
    return any;
  }

  /** The bootstrap state of a set when its replicates hold exact-AUC states; else null. */
  static ReplicateStat replicatesWithRanks(StatSet set) {
    for (Stat s : set.stats()) {
      if (s instanceof ReplicateStat reps && reps.size() > 0
          && reps.replicate(0).stats().stream().anyMatch(x -> x instanceof RankStat)) {
        return reps;
      }
    }
    return null;
  }

  /**
   * Completes the deferred states of the overall set and of every slice. Set 0 is the overall one;
   * a row of slice key K also counts in set 1 + index of K.
   */
  public static void complete(Dataset<Row> projected, RowReader reader, RowRule rule, StatSet overall,
                       Map<List<String>, StatSet> slices) {
    List<StatSet> sets = new ArrayList<>(List.of(overall));
    Map<List<String>, Integer> sliceIndex = new HashMap<>();
    for (Map.Entry<List<String>, StatSet> e : slices.entrySet()) {
      sliceIndex.put(e.getKey(), sets.size());
      sets.add(e.getValue());
    }
    List<RankStat> protos = new ArrayList<>();
    for (Stat s : overall.stats()) if (s instanceof RankStat r) protos.add(r);
    int[][] firstGroup = new int[sets.size()][protos.size()];
    int[][] classes = new int[sets.size()][protos.size()];
    Map<Long, PosNeg> offsets = new HashMap<>();
    List<long[]> unitRows = new ArrayList<>();
    int groups = 0;
    for (int si = 0; si < sets.size(); si++) {
      for (int r = 0; r < protos.size(); r++) {
        RankStat rs = sets.get(si).get(protos.get(r));
        firstGroup[si][r] = groups;
        classes[si][r] = Math.max(rs.classes(), 0);
        for (int c = 0; c < classes[si][r]; c++, groups++) {
          PosNeg above = new PosNeg();
          for (int b = B - 1; b >= 0; b--) {
            PosNeg cell = rs.layout(c).cell(b);
            if (cell == null) continue;
            long unit = (long) groups * B + (B - 1 - b);
            offsets.put(unit, above.copy());
            unitRows.add(new long[] {unit, cell.rows()});
            above.merge(cell);
          }
        }
      }
    }
    RankSums[] sums = new RankSums[groups];
    ReplicateStat bootstrap = replicatesWithRanks(overall);
    long[] starts = starts(unitRows, Math.max(1, projected.rdd().getNumPartitions()));
    if (!unitRows.isEmpty() && bootstrap != null) {
      ReplicateRanks.Result rr = ReplicateRanks.run(RankShuffle.sorted(projected, reader, rule, protos, sliceIndex, firstGroup,
          classes, starts, B, true).toJavaRDD(), offsets, B, bootstrap.salts(), groups);
      System.arraycopy(rr.main(), 0, sums, 0, groups);
      completeReplicates(sets, protos, firstGroup, classes, rr);
    } else if (!unitRows.isEmpty()) {
      for (Tuple2<Integer, RankSums> t : RankShuffle.run(projected, reader, rule, protos, sliceIndex, firstGroup, classes, offsets,
          starts, B)) {
        if (sums[t._1()] == null) sums[t._1()] = t._2();
        else sums[t._1()].merge(t._2());
      }
    }
    for (int si = 0; si < sets.size(); si++) {
      for (int r = 0; r < protos.size(); r++) {
        RankSums[] mine = new RankSums[classes[si][r]];
        for (int c = 0; c < mine.length; c++) mine[c] = sums[firstGroup[si][r] + c];
        sets.get(si).get(protos.get(r)).complete(mine);
      }
    }
  }

  /** Hands every replicate of every set its exact sums and class totals from the sort job. */
  private static void completeReplicates(List<StatSet> sets, List<RankStat> protos, int[][] firstGroup, int[][] classes,
                                         ReplicateRanks.Result rr) {
    for (int si = 0; si < sets.size(); si++) {
      ReplicateStat reps = replicatesWithRanks(sets.get(si));
      if (reps == null) continue;
      for (int i = 0; i < reps.size(); i++) {
        for (int r = 0; r < protos.size(); r++) {
          RankSums[] mine = new RankSums[classes[si][r]];
          PosNeg[] totals = new PosNeg[mine.length];
          for (int c = 0; c < mine.length; c++) {
            int g = firstGroup[si][r] + c;
            mine[c] = rr.replicates()[g] == null ? new RankSums() : rr.replicates()[g][i];
            totals[c] = rr.totals()[g] == null ? new PosNeg() : rr.totals()[g][i];
          }
          reps.replicate(i).get(protos.get(r)).complete(mine, totals);
        }
      }
    }
  }

  private static long[] starts(List<long[]> unitRows, int partitions) {
    long total = 0;
    for (long[] u : unitRows) total += u[1];
    List<Long> starts = new ArrayList<>(List.of(0L));
    long acc = 0;
    for (long[] u : unitRows) {
      if (acc >= (double) total * starts.size() / partitions && starts.size() < partitions) starts.add(u[0]);
      acc += u[1];
    }
    return starts.stream().mapToLong(Long::longValue).toArray();
  }
}
