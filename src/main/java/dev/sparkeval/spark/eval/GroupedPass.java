package dev.sparkeval.spark.eval;

import dev.sparkeval.core.Partial;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.UsageException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.functions;
import org.apache.spark.util.LongAccumulator;

/**
 * The pass of ranking's long layout (one row per query and item): one shuffle puts each query's
 * rows in one range, and every range groups its rows by query in memory ({@link QueryTable}),
 * folding each query as one Example into the states of its slice. Nothing but the partials
 * returns to the driver. The shuffle costs what a groupBy of the rows would (every row is written
 * and read once more). A range's table asks the task's memory for what it holds; when a task is
 * refused, the pass runs again in eight times as many ranges (its shuffle again too).
 */
public final class GroupedPass {
  /** How many times the ranges are multiplied by eight before the pass gives up. */
  private static final int RETRIES = 2;

  private GroupedPass() {}

  /**
   * Runs the pass over the projected table (the query column last). partitions: how many ranges
   * the shuffle makes (0: four per partition of the table, at least four per core: a smaller
   * range is grouped within the caches); the values do not depend on it.
   */
  public static Partial run(Dataset<Row> projected, Binding binding, RowRule queryRule, Partial prototype, int partitions) {
    return run(projected, binding, queryRule, prototype, partitions, Long.MAX_VALUE);
  }

  /** The same, a task holding at most taskBytes (tests make it small to reach the retries). */
  static Partial run(Dataset<Row> projected, Binding binding, RowRule queryRule, Partial prototype, int partitions,
                     long taskBytes) {
    int ranges = partitions > 0 ? partitions
        : 4 * Math.max(projected.rdd().getNumPartitions(), projected.sparkSession().sparkContext().defaultParallelism());
    for (int attempt = 0; ; attempt++, ranges *= 8) {
      Partial p = pass(projected, binding, queryRule, prototype, ranges, taskBytes);
      if (p != null) return p;
      if (attempt == RETRIES) {
        throw new UsageException("ranking: the rows of one range of queries do not fit in a task's memory even in "
            + ranges + " ranges; give the executors more memory (spark.executor.memory), or look for a query with far"
            + " more rows than the others");
      }
      LogManager.getLogger(GroupedPass.class).warn("ranking: a task was refused the memory to group the queries of its"
          + " range; running the pass again in {} ranges instead of {}", 8L * ranges, ranges);
    }
  }

  /** One pass in this many ranges; null when a task's memory was refused. */
  private static Partial pass(Dataset<Row> projected, Binding binding, RowRule queryRule, Partial prototype, int ranges,
                              long taskBytes) {
    String[] names = new String[projected.columns().length];
    for (int i = 0; i < names.length; i++) names[i] = "c" + i; // bound columns may repeat a name
    Dataset<Row> t = projected.toDF(names);
    String q = names[names.length - 1];
    JavaRDD<InternalRow> rows = t.repartition(ranges, functions.col(q)).queryExecution().toRdd().toJavaRDD();
    RowReader reader = binding.reader();
    boolean longs = binding.queryIsLong();
    int column = names.length - 1;
    LongAccumulator refused = rows.context().longAccumulator("sparkeval ranges refused memory");
    JavaRDD<Partial> partials = rows.mapPartitions(it -> {
      Partial p = prototype.fresh();
      TaskMemory memory = TaskMemory.ofTask(taskBytes);
      try {
        if (!memory.grow(QueryTable.initialBytes()) || !fill(new QueryTable(p, reader, queryRule, column, longs, memory), it)) {
          refused.add(1);
          return Collections.emptyIterator();
        }
        return List.of(p).iterator();
      } finally {
        memory.release();
      }
    }, false);
    int slots = Math.max(1, rows.context().defaultParallelism());
    if (partials.getNumPartitions() > slots) partials = partials.coalesce(slots);
    Partial p = partials.fold(prototype.fresh(), Partial::merge);
    return refused.value() > 0 ? null : p;
  }

  /** Reads the range into the table and folds it; false when the table's memory was refused. */
  private static boolean fill(QueryTable table, Iterator<InternalRow> it) {
    while (it.hasNext()) if (!table.add(it.next())) return false;
    table.fold();
    return true;
  }
}
