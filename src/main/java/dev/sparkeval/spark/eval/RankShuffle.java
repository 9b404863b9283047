package dev.sparkeval.spark.eval;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.ReplicateStat;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.state.PosNeg;
import dev.sparkeval.state.RankStat;
import dev.sparkeval.state.RankSums;
import dev.sparkeval.state.ScoreHistogram;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.Partitioner;
import org.apache.spark.rdd.RDD;
import org.apache.spark.rdd.ShuffledRDD;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import scala.Tuple2;
import scala.math.Ordering;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * The shuffle and walk of {@link RankJob}: every row becomes (key, value) pairs, key =
 * {unit, score bits ordered descending}, value = {positive, weight}, primitive arrays that Kryo
 * moves cheaply; one ShuffledRDD range-partitions them by unit and sorts each range; each
 * partition then walks its distinct scores and returns exact sums per class.
 */
final class RankShuffle {
  private RankShuffle() {}

  /** Bits of x whose signed order is x's descending order (after -0.0 was folded into 0.0). */
  static long descending(double x) {
    long b = Double.doubleToLongBits(x);
    return ~(b ^ ((b >> 63) & 0x7fffffffffffffffL));
  }

  static double fromDescending(long k) {
    long b = ~k;
    return Double.longBitsToDouble(b ^ ((b >> 63) & 0x7fffffffffffffffL));
  }

  static final class Order implements Comparator<long[]>, Serializable {
    private static final long serialVersionUID = 1L;
    @Override public int compare(long[] a, long[] b) {
      int c = Long.compare(a[0], b[0]);
      return c != 0 ? c : Long.compare(a[1], b[1]);
    }
  }

  /** Ranges of units, balanced by the rows the histograms counted. */
  static final class Ranges extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final long[] starts;

    Ranges(long[] starts) { this.starts = starts; }

    @Override public int numPartitions() { return starts.length; }

    @Override public int getPartition(Object key) {
      long u = ((long[]) key)[0];
      int lo = 0, hi = starts.length - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (starts[mid] <= u) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    }
  }

  @SuppressWarnings("unchecked")
  static List<Tuple2<Integer, RankSums>> run(Dataset<Row> projected, RowReader reader, RowRule rule,
      List<RankStat> protos, Map<List<String>, Integer> sliceIndex, int[][] firstGroup, int[][] classes,
      Map<Long, PosNeg> offsets, long[] starts, int bins) {
    return sorted(projected, reader, rule, protos, sliceIndex, firstGroup, classes, starts, bins, false).toJavaRDD()
        .mapPartitions(it -> walk((Iterator<Tuple2<long[], double[]>>) (Iterator<?>) it, offsets, bins)).collect();
  }

  /**
   * The shuffled, sorted pairs. With withHash the value also carries the row's bootstrap hash
   * as two exact 32-bit halves, {positive, weight, high, low}, so tasks can redraw its replicates.
   */
  static RDD<Tuple2<long[], double[]>> sorted(Dataset<Row> projected, RowReader reader, RowRule rule,
      List<RankStat> protos, Map<List<String>, Integer> sliceIndex, int[][] firstGroup, int[][] classes,
      long[] starts, int bins, boolean withHash) {
    ScoreHistogram binner = new ScoreHistogram(bins, true);
    RDD<Tuple2<long[], double[]>> pairs = projected.queryExecution().toRdd().toJavaRDD().mapPartitions(it -> {
      Example e = new Example();
      List<Tuple2<long[], double[]>> buffer = new ArrayList<>(); // one row's pairs: rows stream through
      return new Iterator<Tuple2<long[], double[]>>() {
        int next;

        @Override public boolean hasNext() {
          while (next == buffer.size()) {
            if (!it.hasNext()) return false;
            buffer.clear();
            next = 0;
            emit(it.next());
          }
          return true;
        }

        @Override public Tuple2<long[], double[]> next() {
          if (!hasNext()) throw new NoSuchElementException();
          return buffer.get(next++);
        }

        private void emit(InternalRow row) {
          e.weight = 1.0;
          RowRule.Bad bad = reader.read(row, e);
          if (bad == null) bad = rule.check(e);
          if (bad != null) return; // skipped as in the pass (a failing run never gets here)
          Integer slice = reader.sliced() ? sliceIndex.get(reader.sliceKey(row)) : null;
          long h = withHash ? ReplicateStat.hash(e) : 0;
          for (int si : slice == null ? new int[] {0} : new int[] {0, slice}) {
            for (int r = 0; r < protos.size(); r++) {
              RankStat rs = protos.get(r);
              for (int c = 0; c < classes[si][r]; c++) {
                double s = rs.score(e, c);
                long unit = (long) (firstGroup[si][r] + c) * bins + (bins - 1 - binner.bin(s, rs.scoresAreLogits()));
                double[] v = withHash ? new double[] {rs.positive(e, c) ? 1 : 0, e.weight, h >>> 32, h & 0xffffffffL}
                    : new double[] {rs.positive(e, c) ? 1 : 0, e.weight};
                buffer.add(new Tuple2<>(new long[] {unit, descending(s)}, v));
              }
            }
          }
        }
      };
    }).rdd();
    ClassTag<long[]> kt = ClassTag$.MODULE$.apply(long[].class);
    ClassTag<double[]> vt = ClassTag$.MODULE$.apply(double[].class);
    ShuffledRDD<long[], double[], double[]> sorted = new ShuffledRDD<>(pairs, new Ranges(starts), kt, vt, vt);
    sorted.setKeyOrdering(Ordering.comparatorToOrdering(new Order()));
    sorted.setSerializer(new KryoSerializer(projected.sparkSession().sparkContext().getConf()));
    return sorted;
  }

  /** The bootstrap hash a value of {@link #sorted} with withHash carries. */
  static long hash(double[] v) {
    return ((long) v[2] << 32) | (long) v[3];
  }

  /** Walks sorted pairs: a unit restarts from its exact offset, a new score closes the previous one. */
  static Iterator<Tuple2<Integer, RankSums>> walk(Iterator<Tuple2<long[], double[]>> it, Map<Long, PosNeg> offsets, int bins) {
    Map<Integer, RankSums> out = new HashMap<>();
    RankSums sums = null;
    PosNeg cell = null;
    long unit = -1, score = 0;
    while (it.hasNext()) {
      Tuple2<long[], double[]> t = it.next();
      long[] k = t._1();
      if (k[0] != unit) {
        if (cell != null) sums.next(cell);
        unit = k[0];
        sums = out.computeIfAbsent((int) (unit / bins), g -> new RankSums());
        sums.start(offsets.get(unit));
        cell = new PosNeg();
      } else if (k[1] != score) {
        sums.next(cell);
        cell = new PosNeg();
      }
      score = k[1];
      cell.add(t._2()[0] == 1, t._2()[1]);
    }
    if (cell != null) sums.next(cell);
    List<Tuple2<Integer, RankSums>> list = new ArrayList<>();
    out.forEach((g, s) -> list.add(new Tuple2<>(g, s)));
    return list.iterator();
  }
}
