package dev.sparkeval.spark.eval;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.Partial;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.StatSet;
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
      Partial p = prototype.fresh();
      Example e = new Example();
      StatSet fixed = reader.sliced() ? null : p.slice(Partial.NO_SLICE);
      StatSet extra = p.extra().isEmpty() ? null : p.extra();
      long offset = 0;
      while (it.hasNext()) {
        InternalRow row = it.next();
        p.countRow();
        e.weight = 1.0;
        RowRule.Bad bad = reader.read(row, e);
        if (bad == null) bad = rule.check(e);
        if (RowRule.ignored(bad)) {
          if (!p.ignore(fixed != null ? Partial.NO_SLICE : reader.sliceKey(row))) break; // too many slices
        } else if (bad != null) {
          p.bad(index, offset, bad);
        } else {
          StatSet s = fixed != null ? fixed : p.slice(reader.sliceKey(row));
          if (s == null) break; // too many slices: the run fails, so stop reading now
          s.add(e);
          if (extra != null) extra.add(e);
        }
        offset++;
      }
      return List.of(p).iterator();
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
