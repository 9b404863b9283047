package dev.sparkeval.spark.eval;

import dev.sparkeval.core.Partial;
import dev.sparkeval.core.RowRule;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.functions;

/**
 * The pass of ranking's long layout (one row per query and item): one shuffle puts each query's
 * rows in one partition, sorted by query, and every partition walks its queries in turn
 * ({@link QueryWalk}), folding each finished query as one Example into the states of its slice.
 * Nothing but the partials returns to the driver. The shuffle costs what a groupBy of the rows
 * would (every row is written and read once more); each query's items are held only while it is
 * walked.
 */
public final class GroupedPass {
  private GroupedPass() {}

  /**
   * Runs the pass over the projected table (the query column last). partitions: how many ranges
   * the shuffle makes (0: four per partition of the table, at least four per core: a smaller
   * range sorts, and is read back in sorted order, within the caches); the values do not depend on it.
   */
  public static Partial run(Dataset<Row> projected, Binding binding, RowRule queryRule, Partial prototype, int partitions) {
    String[] names = new String[projected.columns().length];
    for (int i = 0; i < names.length; i++) names[i] = "c" + i; // bound columns may repeat a name
    Dataset<Row> t = projected.toDF(names);
    String q = names[names.length - 1];
    int ranges = partitions > 0 ? partitions
        : 4 * Math.max(projected.rdd().getNumPartitions(), projected.sparkSession().sparkContext().defaultParallelism());
    Dataset<Row> grouped = t.repartition(ranges, functions.col(q)).sortWithinPartitions(q);
    JavaRDD<InternalRow> rows = grouped.queryExecution().toRdd().toJavaRDD();
    if (rows.getNumPartitions() == 0) return prototype.fresh();
    RowReader reader = binding.reader();
    boolean longs = binding.queryIsLong();
    int column = names.length - 1;
    JavaRDD<Partial> partials = rows.mapPartitions(it -> {
      QueryWalk walk = new QueryWalk(prototype.fresh(), reader, queryRule, column, longs);
      while (it.hasNext() && walk.next(it.next())) {
        // every row is folded by next(); it returns false once the slice limit is passed
      }
      return List.of(walk.finish()).iterator();
    }, false);
    int slots = Math.max(1, rows.context().defaultParallelism());
    if (partials.getNumPartitions() > slots) partials = partials.coalesce(slots);
    return partials.reduce(Partial::merge);
  }
}
