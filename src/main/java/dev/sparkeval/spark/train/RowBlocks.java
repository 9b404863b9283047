package dev.sparkeval.spark.train;

import dev.sparkeval.core.UsageException;
import dev.sparkeval.train.Block;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Turns a table into one cached {@link Block} per partition (features and label as flat
 * arrays), in one pass. Rows with a null or non-finite feature or label are counted, and the
 * first one is named in the error.
 */
public final class RowBlocks {
  private RowBlocks() {}

  /** A partition's rows, or the count and first description of its bad rows. */
  record Built(Block block, long bad, String firstBad) implements Serializable {}

  public static JavaRDD<Block> build(Dataset<Row> table, FeatureColumns fc, String label, int d, String what) {
    Dataset<Row> projected = fc.project(table, List.of(label));
    int labelAt = fc.width();
    JavaRDD<Built> built = projected.javaRDD().mapPartitionsWithIndex((index, it) -> {
      double[] x = new double[d * 64];
      double[] y = new double[64];
      double[] row = new double[d];
      int n = 0;
      long bad = 0, offset = 0;
      String first = null;
      while (it.hasNext()) {
        Row r = it.next();
        String why = fc.read(r, row);
        if (why == null && (r.isNullAt(labelAt) || !Double.isFinite(r.getDouble(labelAt)))) {
          why = "label '" + label + "' is " + (r.isNullAt(labelAt) ? "null" : r.getDouble(labelAt));
        }
        if (why != null) {
          if (bad++ == 0) first = what + " row " + offset + " of partition " + index + ": " + why;
        } else {
          if (n == y.length) {
            y = Arrays.copyOf(y, n * 2);
            x = Arrays.copyOf(x, n * 2 * d);
          }
          System.arraycopy(row, 0, x, n * d, d);
          y[n++] = r.getDouble(labelAt);
        }
        offset++;
      }
      return List.of(new Built(new Block(n, d, Arrays.copyOf(x, n * d), Arrays.copyOf(y, n)), bad, first)).iterator();
    }, true).persist(StorageLevel.MEMORY_AND_DISK());
    List<Built> info = built.map(b -> new Built(null, b.bad(), b.firstBad())).collect();
    long bad = 0;
    String first = null;
    for (Built b : info) {
      bad += b.bad();
      if (first == null) first = b.firstBad();
    }
    if (bad > 0) {
      built.unpersist(false);
      throw new UsageException("bad " + what + " row (" + bad + " in all): " + first + "; training needs finite features and labels");
    }
    JavaRDD<Block> blocks = built.map(Built::block).persist(StorageLevel.MEMORY_AND_DISK());
    blocks.count();
    built.unpersist(false);
    return blocks;
  }

  /**
   * At most {@code slots} blocks: contiguous groups of blocks merged in partition order, moved by a
   * shuffle rather than coalesce, because a barrier stage needs every RDD in it to have the
   * stage's partition count.
   */
  public static JavaRDD<Block> atMost(JavaRDD<Block> blocks, int slots, int d) {
    int n = blocks.getNumPartitions();
    if (n <= slots) return blocks;
    JavaPairRDD<Integer, Tuple2<Integer, Block>> keyed = blocks.mapPartitionsWithIndex((i, it) -> {
      List<Tuple2<Integer, Tuple2<Integer, Block>>> out = new ArrayList<>();
      while (it.hasNext()) out.add(new Tuple2<>((int) ((long) i * slots / n), new Tuple2<>(i, it.next())));
      return out.iterator();
    }, true).mapToPair(t -> t);
    return keyed.partitionBy(new HashPartitioner(slots)).mapPartitions(it -> {
      List<Tuple2<Integer, Block>> parts = new ArrayList<>();
      while (it.hasNext()) parts.add(it.next()._2());
      parts.sort(Comparator.comparing(Tuple2::_1)); // shuffle reads arrive in any order
      List<Block> ordered = new ArrayList<>();
      for (Tuple2<Integer, Block> p : parts) ordered.add(p._2());
      return List.of(Block.concat(ordered.iterator(), d)).iterator();
    }, true);
  }

  /** Rows per block, in partition order. */
  public static long[] sizes(JavaRDD<Block> blocks) {
    return blocks.map(b -> (long) b.n).collect().stream().mapToLong(Long::longValue).toArray();
  }

  /** Global index of each block's first row. */
  public static long[] offsets(long[] sizes) {
    long[] o = new long[sizes.length];
    for (int i = 1; i < o.length; i++) o[i] = o[i - 1] + sizes[i - 1];
    return o;
  }
}
