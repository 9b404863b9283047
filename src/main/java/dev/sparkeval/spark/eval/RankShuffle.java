package dev.sparkeval.spark.eval;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.state.PosNeg;
import dev.sparkeval.state.RankStat;
import dev.sparkeval.state.RankSums;
import dev.sparkeval.state.ScoreHistogram;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.sql.classic.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * The shuffle and walk of {@link RankJob}, in Spark SQL's engine: every row becomes one row per
 * (class, set) of {unit, key = score bits ordered descending, weight, positive}, written as
 * UnsafeRows; the rows are hash-partitioned by unit and sorted by key within each partition
 * (Tungsten's radix sort on the 64-bit key, spilling if it must); each partition then walks its
 * distinct scores and returns exact sums per class. Units of one class are score ranges, so in
 * key order a class's units come one after another; classes are walked side by side.
 */
final class RankShuffle {
  private static final StructType PAIRS = new StructType().add("unit", DataTypes.LongType, false)
      .add("key", DataTypes.LongType, false).add("w", DataTypes.DoubleType, false).add("pos", DataTypes.BooleanType, false);

  private RankShuffle() {}

  /** Bits of x whose signed order is x's descending order (after -0.0 was folded into 0.0). */
  static long descending(double x) {
    long b = Double.doubleToLongBits(x);
    return ~(b ^ ((b >> 63) & 0x7fffffffffffffffL));
  }

  static List<Tuple2<Integer, RankSums>> run(Dataset<Row> projected, RowReader reader, RowRule rule,
      List<RankStat> protos, Map<List<String>, Integer> sliceIndex, int[][] firstGroup, int[][] classes,
      Map<Long, PosNeg> offsets, int partitions, int bins) {
    ScoreHistogram binner = new ScoreHistogram(bins, true);
    RDD<InternalRow> pairs = projected.queryExecution().toRdd().toJavaRDD().mapPartitions(it -> {
      Example e = new Example();
      UnsafeRowWriter out = new UnsafeRowWriter(4);
      List<InternalRow> buffer = new ArrayList<>(); // one row's pairs: rows stream through
      return new Iterator<InternalRow>() {
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

        @Override public InternalRow next() {
          if (!hasNext()) throw new NoSuchElementException();
          return buffer.get(next++);
        }

        private void emit(InternalRow row) {
          e.weight = 1.0;
          RowRule.Bad bad = reader.read(row, e);
          if (bad == null) bad = rule.check(e);
          if (bad != null) return; // skipped as in the pass (a failing run never gets here)
          Integer slice = reader.sliced() ? sliceIndex.get(reader.sliceKey(row)) : null;
          for (int si : slice == null ? new int[] {0} : new int[] {0, slice}) {
            for (int r = 0; r < protos.size(); r++) {
              RankStat rs = protos.get(r);
              for (int c = 0; c < classes[si][r]; c++) {
                double s = rs.score(e, c);
                out.reset();
                out.write(0, (long) (firstGroup[si][r] + c) * bins + (bins - 1 - binner.bin(s, rs.scoresAreLogits())));
                out.write(1, descending(s));
                out.write(2, e.weight);
                out.write(3, rs.positive(e, c));
                buffer.add(out.getRow().copy());
              }
            }
          }
        }
      };
    }).rdd();
    Dataset<Row> sorted = ((SparkSession) projected.sparkSession()).internalCreateDataFrame(pairs, PAIRS, false)
        .repartition(partitions, functions.col("unit")).sortWithinPartitions("key");
    return sorted.queryExecution().toRdd().toJavaRDD().mapPartitions(it -> walk(it, offsets, bins)).collect();
  }

  /** A class's walk in one partition: its current unit, the cell of its current score, its sums. */
  private static final class Walk {
    final RankSums sums = new RankSums();
    long unit = -1, key;
    PosNeg cell;
  }

  /** Walks rows in key order: a unit starts from its exact offset, a new score closes the class's previous one. */
  static Iterator<Tuple2<Integer, RankSums>> walk(Iterator<InternalRow> it, Map<Long, PosNeg> offsets, int bins) {
    Map<Integer, Walk> walks = new HashMap<>();
    while (it.hasNext()) {
      InternalRow row = it.next();
      long unit = row.getLong(0), key = row.getLong(1);
      int group = (int) (unit / bins);
      Walk w = walks.computeIfAbsent(group, g -> new Walk());
      if (unit != w.unit) {
        if (w.cell != null) w.sums.next(w.cell);
        w.unit = unit;
        w.sums.start(offsets.get(unit));
        w.cell = new PosNeg();
      } else if (key != w.key) {
        w.sums.next(w.cell);
        w.cell = new PosNeg();
      }
      w.key = key;
      w.cell.add(row.getBoolean(3), row.getDouble(2));
    }
    List<Tuple2<Integer, RankSums>> list = new ArrayList<>();
    walks.forEach((g, w) -> {
      if (w.cell != null) w.sums.next(w.cell);
      list.add(new Tuple2<>(g, w.sums));
    });
    return list.iterator();
  }
}
