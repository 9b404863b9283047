package dev.sparkeval.spark.eval;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowRule;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.Partitioner;
import org.apache.spark.SparkConf;
import org.apache.spark.rdd.RDD;
import org.apache.spark.rdd.ShuffledRDD;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import scala.Tuple2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * The shuffle of the sort jobs: records (key, value) as primitive arrays, key = {unit, sort
 * bits[, tag]}, range-partitioned by unit (ranges balanced by the rows the pass's layouts
 * counted, so no sampling job), packed into byte chunks per range and radix-sorted within each.
 */
final class OrderShuffle {
  private OrderShuffle() {}

  /** Ranges of units. */
  static final class Ranges extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final long[] starts;

    Ranges(long[] starts) { this.starts = starts; }

    @Override public int numPartitions() { return starts.length; }

    @Override public int getPartition(Object key) {
      return range(((long[]) key)[0]);
    }

    /** The range of unit u. */
    int range(long u) {
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
   * Session option: the fewest rows worth a range of their own (fewer cost more in task overhead
   * than they save in parallel sorting); tests lower it to make many ranges of a small table.
   */
  static final String ROWS_PER_RANGE = "spark.sparkeval.sortRowsPerRange";

  /**
   * Session option: the most rows a range should hold (a range is sorted in memory, about 100
   * bytes a row), so a table of large partitions gets more ranges than partitions. A single unit
   * (one layout bin of one stream) is never split.
   */
  static final String MAX_ROWS_PER_RANGE = "spark.sparkeval.sortMaxRowsPerRange";

  /** Sort ranges for a job over this table: one per input partition, but none under the rows per range nor over the most. */
  static int ranges(Dataset<Row> projected, long[] unitRows) {
    long total = 0;
    for (long r : unitRows) total += r;
    long per = Math.max(1, Long.parseLong(projected.sparkSession().conf().get(ROWS_PER_RANGE, "100000")));
    long most = Math.max(per, Long.parseLong(projected.sparkSession().conf().get(MAX_ROWS_PER_RANGE, "4000000")));
    long n = Math.min(Math.max(1, projected.rdd().getNumPartitions()), Math.max(1, (total + per - 1) / per));
    return (int) Math.min(Math.max(n, (total + most - 1) / most), Integer.MAX_VALUE / 2);
  }

  /** The first unit of each range: about the same number of rows per range. */
  static long[] starts(long[] unitRows, int partitions) {
    long total = 0;
    for (long r : unitRows) total += r;
    List<Long> starts = new ArrayList<>(List.of(0L));
    long acc = 0;
    for (int u = 0; u < unitRows.length; u++) {
      if (acc >= (double) total * starts.size() / partitions && starts.size() < partitions) starts.add((long) u);
      acc += unitRows[u];
    }
    return starts.stream().mapToLong(Long::longValue).toArray();
  }

  /** A partitioner that takes the key for the partition: the packed chunks name their range. */
  static final class Given extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int n;

    Given(int n) { this.n = n; }

    @Override public int numPartitions() { return n; }

    @Override public int getPartition(Object key) { return (Integer) key; }
  }

  /**
   * The records range-partitioned by unit and sorted by key within each range: packed per range
   * into byte chunks on the map side ({@link RangePacker}), radix-sorted as primitives on the
   * reduce side ({@link RangeSort}).
   */
  static RDD<Tuple2<long[], double[]>> sorted(RDD<Tuple2<long[], double[]>> records, long[] starts, SparkConf conf) {
    Ranges ranges = new Ranges(starts);
    ClassTag<Integer> kt = ClassTag$.MODULE$.apply(Integer.class);
    ClassTag<byte[]> vt = ClassTag$.MODULE$.apply(byte[].class);
    RDD<Tuple2<Integer, byte[]>> packed = records.toJavaRDD().mapPartitions(it -> new RangePacker(it, ranges)).rdd();
    ShuffledRDD<Integer, byte[], byte[]> s = new ShuffledRDD<>(packed, new Given(starts.length), kt, vt, vt);
    s.setSerializer(new KryoSerializer(conf));
    @SuppressWarnings("unchecked")
    RDD<Tuple2<Integer, byte[]>> chunks = (RDD<Tuple2<Integer, byte[]>>) (RDD<?>) s;
    return chunks.toJavaRDD().mapPartitions(RangeSort::new).rdd();
  }

  /**
   * A record's value: {side, weight}, then the row's bootstrap hash as two halves when a bootstrap
   * runs, then the element's tag for a tagged stream (tag < 0: none). Only tagged values have odd length.
   */
  static double[] value(boolean side, double weight, boolean hashed, long hash, int tag) {
    double[] v = new double[(hashed ? 4 : 2) + (tag >= 0 ? 1 : 0)];
    v[0] = side ? 1 : 0;
    v[1] = weight;
    if (hashed) {
      v[2] = hash >>> 32;
      v[3] = hash & 0xffffffffL;
    }
    if (tag >= 0) v[v.length - 1] = tag;
    return v;
  }

  static boolean tagged(double[] v) {
    return (v.length & 1) == 1;
  }

  static int tag(double[] v) {
    return (int) v[v.length - 1];
  }

  /** The bootstrap hash of a value made by {@link #value} with a hash. */
  static long hash(double[] v) {
    return ((long) v[2] << 32) | (long) v[3];
  }

  /** Emits the records of one good row that counts in the given state sets (0 overall, then its slice). */
  interface Emitter extends Serializable {
    void emit(Example e, int[] sets, List<Tuple2<long[], double[]>> out);
  }

  /** Every good row of the table, read as the pass read it, turned into records (rows stream through). */
  static RDD<Tuple2<long[], double[]>> records(Dataset<Row> projected, RowReader reader, RowRule rule,
      Map<List<String>, Integer> sliceIndex, Emitter emitter) {
    return projected.queryExecution().toRdd().toJavaRDD().mapPartitions(it -> {
      Example e = new Example();
      int[] overall = {0};
      return new Buffered() {
        @Override void fill(List<Tuple2<long[], double[]>> out) {
          while (out.isEmpty() && it.hasNext()) {
            InternalRow row = it.next();
            e.weight = 1.0;
            RowRule.Bad bad = reader.read(row, e);
            if (bad == null) bad = rule.check(e);
            if (bad != null) continue; // skipped as in the pass (a failing run never gets here)
            Integer slice = reader.sliced() ? sliceIndex.get(reader.sliceKey(row)) : null;
            emitter.emit(e, slice == null ? overall : new int[] {0, slice}, out);
          }
        }
      };
    }).rdd();
  }

  /** An iterator over records produced a few at a time by {@link #fill}. */
  abstract static class Buffered implements Iterator<Tuple2<long[], double[]>> {
    private final List<Tuple2<long[], double[]>> buffer = new ArrayList<>();
    private int next;

    /** Appends the next records to out; leaves it empty at the end. */
    abstract void fill(List<Tuple2<long[], double[]>> out);

    @Override public boolean hasNext() {
      if (next < buffer.size()) return true;
      buffer.clear();
      next = 0;
      fill(buffer);
      return !buffer.isEmpty();
    }

    @Override public Tuple2<long[], double[]> next() {
      if (!hasNext()) throw new NoSuchElementException();
      return buffer.get(next++);
    }
  }
}
