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

  /** The conf that chooses how the pass reads rows (for comparing paths; results are the same bits). */
  public static final String PASS_CONF = "spark.sparkeval.pass";

  /**
   * The pass over {@code projected} (the bound columns, {@link Binding#project}). Scalar tasks run
   * batched ({@link BatchFold}): from Spark's column batches when {@code source} (the unprojected
   * table, null when the projection was repartitioned) offers them, else from rows buffered into
   * columns; tasks with vector columns go row by row. {@value #PASS_CONF} = columnar (the default),
   * batch (never column vectors) or row (always row by row) forces a path.
   */
  public static Partial run(Dataset<Row> projected, Binding binding, Dataset<Row> source, RowRule rule, Partial prototype) {
    RowReader reader = binding.reader();
    String pass = projected.sparkSession().conf().get(PASS_CONF, "columnar");
    if (!List.of("columnar", "batch", "row").contains(pass)) {
      throw new dev.sparkeval.core.UsageException(PASS_CONF + " must be columnar, batch or row, got '" + pass + "'");
    }
    if (pass.equals("row") || !reader.scalarOnly()) return rows(projected, reader, rule, prototype);
    ColumnarInput columnar = pass.equals("columnar") && source != null ? ColumnarInput.of(source, binding) : null;
    JavaRDD<Partial> partials;
    if (columnar != null) {
      VectorReader vectors = columnar.reader;
      partials = columnar.batches.toJavaRDD().mapPartitionsWithIndex((index, it) -> {
        Partial p = prototype.fresh();
        BatchFold f = new BatchFold(p, reader, rule, index);
        while (it.hasNext() && !f.stopped()) vectors.read(it.next(), f);
        return List.of(p).iterator();
      }, false);
    } else {
      partials = projected.queryExecution().toRdd().toJavaRDD().mapPartitionsWithIndex((index, it) -> {
        Partial p = prototype.fresh();
        RowBatches.read(it, reader.roles().size(), reader.sliceCount(), new BatchFold(p, reader, rule, index));
        return List.of(p).iterator();
      }, false);
    }
    return merge(partials, prototype);
  }

  /** Row by row: each row decoded into an Example, checked, and folded into its slice's states. */
  public static Partial rows(Dataset<Row> projected, RowReader reader, RowRule rule, Partial prototype) {
    JavaRDD<InternalRow> rows = projected.queryExecution().toRdd().toJavaRDD();
    JavaRDD<Partial> partials = rows.mapPartitionsWithIndex((index, it) -> {
      Folder f = new Folder(prototype.fresh(), reader, rule, index);
      while (it.hasNext()) {
        if (!f.add(it.next())) break; // too many slices: the run fails, so stop reading now
      }
      return List.of(f.partial()).iterator();
    }, false);
    return merge(partials, prototype);
  }

  private static Partial merge(JavaRDD<Partial> partials, Partial prototype) {
    if (partials.getNumPartitions() == 0) return prototype.fresh();
    // Every task costs milliseconds of Spark's own work (the plan shipped and read, the state
    // allocated, serialised and sent back), so the pass runs one task per slot, each folding
    // several partitions in turn. Partitions keep their own index (bad rows are reported by
    // partition and row), and merges are exact, so the grouping changes no result.
    int slots = Math.max(1, partials.context().defaultParallelism());
    if (partials.getNumPartitions() > slots) partials = partials.coalesce(slots);
    return partials.reduce(Partial::merge);
  }
}
