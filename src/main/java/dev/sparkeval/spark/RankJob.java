package dev.sparkeval.spark;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.metric.PosNeg;
import dev.sparkeval.metric.RankStat;
import dev.sparkeval.metric.RankSums;
import dev.sparkeval.metric.ScoreHistogram;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import scala.Tuple2;

/**
 * Exact AUC in one sort job. The pass already built, per class (and slice), a histogram of the
 * scores on {@link RankStat#LAYOUT_BINS} logit bins; each (slice, class, bin) is a "unit". Units
 * give the range partitioning (no sampling job) and the exact weight above each unit. The job
 * shuffles (unit, score) -> (positive, weight), sorts each range by score descending, and walks
 * the distinct scores with {@link RankSums}; each partition returns a few exact sums per class.
 */
final class RankJob {
  private static final int B = RankStat.LAYOUT_BINS;

  private RankJob() {}

  /** Marks the plan's exact-AUC states as deferred; true if there are any. */
  static boolean defer(StatSet prototype) {
    boolean any = false;
    for (Stat s : prototype.stats()) {
      if (s instanceof RankStat r) {
        r.defer();
        any = true;
      }
    }
    return any;
  }

  /** Sort key: unit ascending, score descending. */
  record Key(long unit, double score) implements Serializable {}

  static final class Order implements Comparator<Key>, Serializable {
    private static final long serialVersionUID = 1L;
    @Override public int compare(Key a, Key b) {
      int c = Long.compare(a.unit, b.unit);
      return c != 0 ? c : Double.compare(b.score, a.score);
    }
  }

  /** Ranges of units, balanced by the rows the histograms counted. */
  static final class Ranges extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final long[] starts;

    Ranges(long[] starts) { this.starts = starts; }

    @Override public int numPartitions() { return starts.length; }

    @Override public int getPartition(Object key) {
      long u = ((Key) key).unit;
      int lo = 0, hi = starts.length - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (starts[mid] <= u) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    }
  }

  /**
   * Completes the deferred states of the overall set and of every slice. Set 0 is the overall one;
   * a row of slice key K also counts in set 1 + index of K.
   */
  static void complete(Dataset<Row> projected, RowReader reader, RowRule rule, StatSet overall,
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
    if (!unitRows.isEmpty()) {
      for (Tuple2<Integer, RankSums> t : run(projected, reader, rule, protos, sliceIndex, firstGroup, classes, offsets,
          starts(unitRows, Math.max(1, projected.rdd().getNumPartitions())))) {
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

  private static List<Tuple2<Integer, RankSums>> run(Dataset<Row> projected, RowReader reader, RowRule rule,
      List<RankStat> protos, Map<List<String>, Integer> sliceIndex, int[][] firstGroup, int[][] classes,
      Map<Long, PosNeg> offsets, long[] starts) {
    ScoreHistogram binner = new ScoreHistogram(B, true);
    JavaPairRDD<Key, double[]> pairs = projected.queryExecution().toRdd().toJavaRDD().mapPartitionsToPair(it -> {
      List<Tuple2<Key, double[]>> out = new ArrayList<>();
      Example e = new Example();
      while (it.hasNext()) {
        InternalRow row = it.next();
        e.weight = 1.0;
        RowRule.Bad bad = reader.read(row, e);
        if (bad == null) bad = rule.check(e);
        if (bad != null) continue;
        Integer slice = reader.sliced() ? sliceIndex.get(reader.sliceKey(row)) : null;
        for (int si : slice == null ? new int[] {0} : new int[] {0, slice}) {
          for (int r = 0; r < protos.size(); r++) {
            RankStat rs = protos.get(r);
            for (int c = 0; c < classes[si][r]; c++) {
              double s = rs.score(e, c);
              long unit = (long) (firstGroup[si][r] + c) * B + (B - 1 - binner.bin(s, rs.scoresAreLogits()));
              out.add(new Tuple2<>(new Key(unit, s), new double[] {rs.positive(e, c) ? 1 : 0, e.weight}));
            }
          }
        }
      }
      return out.iterator();
    });
    return pairs.repartitionAndSortWithinPartitions(new Ranges(starts), new Order()).mapPartitions(it -> {
      Map<Integer, RankSums> out = new HashMap<>();
      RankSums sums = null;
      PosNeg cell = null;
      long unit = -1;
      double score = Double.NaN;
      while (it.hasNext()) {
        Tuple2<Key, double[]> t = it.next();
        Key k = t._1();
        if (k.unit != unit) {
          if (cell != null) sums.next(cell);
          unit = k.unit;
          sums = out.computeIfAbsent((int) (unit / B), g -> new RankSums());
          sums.start(offsets.get(unit));
          cell = new PosNeg();
        } else if (Double.compare(k.score, score) != 0) {
          sums.next(cell);
          cell = new PosNeg();
        }
        score = k.score;
        cell.add(t._2()[0] == 1, t._2()[1]);
      }
      if (cell != null) sums.next(cell);
      List<Tuple2<Integer, RankSums>> list = new ArrayList<>();
      out.forEach((g, s) -> list.add(new Tuple2<>(g, s)));
      return list.iterator();
    }).collect();
  }
}
