package dev.sparkeval.spark.eval;

import dev.sparkeval.core.Partial;
import dev.sparkeval.core.RowRule;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * The one pass: every partition folds its rows into a fresh {@link Partial} (all states of all
 * measures, per slice), and the partials are merged into one on the driver. Rows are read in
 * Spark's internal format to avoid converting each one to an external Row.
 */
public final class Engine {
  private Engine() {}

  public static Partial run(Dataset<Row> projected, RowReader reader, RowRule rule, Partial prototype) {
    JavaRDD<InternalRow> rows = projected.queryExecution().toRdd().toJavaRDD();
    if (rows.getNumPartitions() == 0) return prototype.fresh();
    JavaRDD<Partial> partials = rows.mapPartitionsWithIndex((index, it) -> {
      Folder f = new Folder(prototype.fresh(), reader, rule, index);
      while (it.hasNext()) {
        if (!f.add(it.next())) break; // too many slices: the run fails, so stop reading now
      }
      return List.of(f.partial()).iterator();
    }, false);
    // Every task costs milliseconds of Spark's own work (the plan shipped and read, the state
    // allocated, serialised and sent back), so the pass runs one task per slot, each folding
    // several partitions in turn. Partitions keep their own index (bad rows are reported by
    // partition and row), and merges are exact, so the grouping changes no result.
    int slots = Math.max(1, rows.context().defaultParallelism());
    if (partials.getNumPartitions() > slots) partials = partials.coalesce(slots);
    return partials.reduce(Partial::merge);
  }
}
