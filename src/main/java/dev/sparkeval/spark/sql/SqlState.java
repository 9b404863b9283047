package dev.sparkeval.spark.sql;

import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.UsageException;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The aggregation buffer of one group: the fused states of the chosen candidate task, rows seen,
 * bad rows by reason and the first bad row (by partition and row, as the evaluate command names
 * it), so that a bad row fails the query once, after the pass, with the same message wherever
 * Spark met it. Merges are exact and order-free.
 */
final class SqlState implements Serializable {
  private static final long serialVersionUID = 1L;
  private int candidate;      // which candidate task's plan the stats belong to; -1 before the first good row
  private StatSet stats;
  private long rows;
  private TreeMap<String, Long> skipped;
  private long badPartition = Long.MAX_VALUE;
  private long badRow = Long.MAX_VALUE;
  private String badText;
  private int width = -1;     // prediction vector length that chose the candidate, for messages

  SqlState(int candidate, StatSet stats) {
    this.candidate = candidate;
    this.stats = stats;
  }

  int candidate() {
    return candidate;
  }

  StatSet stats() {
    return stats;
  }

  long rows() {
    return rows;
  }

  void choose(int candidate, StatSet fresh, int width) {
    this.candidate = candidate;
    this.stats = fresh;
    this.width = width;
  }

  /** Counts n good rows folded at once. */
  void countRows(long n) {
    rows += n;
  }

  /** Counts a row read into this state; returns its position among the state's rows in this task. */
  long countRow() {
    return rows++;
  }

  /** Counts a bad row; the row's text is asked for only when it is the first so far. */
  void bad(RowRule.Bad bad, long partition, long row, java.util.function.Supplier<String> text) {
    if (skipped == null) skipped = new TreeMap<>();
    skipped.merge(bad.reason(), 1L, Long::sum);
    if (partition < badPartition || (partition == badPartition && row < badRow)) {
      badPartition = partition;
      badRow = row;
      badText = "(" + text.get() + "): " + bad.detail();
    }
  }

  long skippedTotal() {
    if (skipped == null) return 0;
    long n = 0;
    for (long v : skipped.values()) n += v;
    return n;
  }

  Map<String, Long> skipped() {
    return skipped == null ? Map.of() : skipped;
  }

  /** "at partition P, row R (columns): detail" of the first bad row. */
  String firstBad(boolean global) {
    if (badText == null) return null;
    String where = badPartition < 0 ? "" : "at partition " + badPartition + ", row " + badRow + (global ? "" : " of its group") + " ";
    return where + badText;
  }

  SqlState merge(SqlState o) {
    if (o.candidate >= 0) {
      if (candidate < 0) {
        candidate = o.candidate;
        stats = o.stats;
        width = o.width;
      } else if (candidate != o.candidate) {
        throw new UsageException("prediction vectors have " + Math.min(width, o.width) + " elements in some partitions and "
            + Math.max(width, o.width) + " in others; every row must give the same number of classes");
      } else {
        stats.merge(o.stats);
      }
    }
    rows += o.rows;
    if (o.skipped != null) {
      if (skipped == null) skipped = new TreeMap<>();
      o.skipped.forEach((k, v) -> skipped.merge(k, v, Long::sum));
    }
    if (o.badText != null && (o.badPartition < badPartition || (o.badPartition == badPartition && o.badRow < badRow))) {
      badPartition = o.badPartition;
      badRow = o.badRow;
      badText = o.badText;
    }
    return this;
  }

  /** Bad-row counts as a SQL map from reason to count. */
  static MapData skippedMap(Map<String, Long> counts) {
    Object[] keys = new Object[counts.size()];
    Object[] values = new Object[counts.size()];
    int i = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      keys[i] = UTF8String.fromString(e.getKey());
      values[i++] = e.getValue();
    }
    return ArrayBasedMapData.apply(keys, values);
  }
}
