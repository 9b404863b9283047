package dev.sparkeval.spark.eval;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.Partial;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.StatSet;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Folds the rows of one partition into its {@link Partial}: decode, check, count bad rows by
 * reason (remembering the first by partition and row) and ignored rows (--ignore-index) by slice,
 * add the rest to their slice's states.
 * The per-row step of the one pass, shared by the engine and SQL's sparkeval_evaluate.
 */
public final class Folder {
  private final Partial p;
  private final RowReader reader;
  private final RowRule rule;
  private final long partition;
  private final Example e = new Example();
  private final StatSet fixed;
  private final StatSet extra;
  private long offset;

  public Folder(Partial p, RowReader reader, RowRule rule, long partition) {
    this.p = p;
    this.reader = reader;
    this.rule = rule;
    this.partition = partition;
    this.fixed = reader.sliced() ? null : p.slice(Partial.NO_SLICE);
    this.extra = p.extra().isEmpty() ? null : p.extra();
  }

  public Partial partial() {
    return p;
  }

  /** Folds one row (role columns, then slice columns); false once the slice limit is exceeded (the run fails). */
  public boolean add(InternalRow row) {
    p.countRow();
    e.weight = 1.0;
    RowRule.Bad bad = reader.read(row, e);
    if (bad == null) bad = rule.check(e);
    if (RowRule.ignored(bad)) { // --ignore-index: counted in its slice, folded nowhere
      offset++;
      return p.ignore(fixed != null ? Partial.NO_SLICE : reader.sliceKey(row));
    }
    if (bad != null) {
      p.bad(partition, offset++, bad);
      return true;
    }
    offset++;
    StatSet s = fixed != null ? fixed : p.slice(reader.sliceKey(row));
    if (s == null) return false;
    s.add(e);
    if (extra != null) extra.add(e);
    return true;
  }
}
