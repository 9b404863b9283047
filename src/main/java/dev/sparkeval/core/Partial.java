package dev.sparkeval.core;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole state of one evaluation pass over part of a table: one {@link StatSet} per slice
 * (a single one when there are no slices), row counts, bad rows by reason and the first bad
 * row. Partials from different partitions merge in any order to the same result.
 */
public final class Partial implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final List<String> NO_SLICE = List.of();

  private final StatSet prototype;
  private final StatSet extra; // overall-only states, folded once per row whatever the slice
  private final int maxSlices;
  private final Map<List<String>, StatSet> slices = new HashMap<>();
  private final Map<String, Long> skipped = new TreeMap<>();
  private final Map<List<String>, Long> ignored = new HashMap<>(); // rows with the ignore index, per slice
  private long rows;
  private boolean sliceOverflow;
  /** Position (partition, offset) and description of the first bad row, for --bad-rows fail. */
  private long firstBadPartition = Long.MAX_VALUE;
  private long firstBadOffset = Long.MAX_VALUE;
  private String firstBadDetail;
  /** Where the first bad row is when its position says nothing (rows grouped by query): "query 'q7'". */
  private String firstBadWhere;

  public Partial(StatSet prototype, StatSet overallOnly, int maxSlices) {
    this.prototype = prototype;
    this.extra = overallOnly;
    this.maxSlices = maxSlices;
  }

  public Partial fresh() {
    return new Partial(prototype.fresh(), extra.fresh(), maxSlices);
  }

  /** The overall-only states (see ReportPart.overallOnly); empty when the plan has none. */
  public StatSet extra() {
    return extra;
  }

  /** The state of a slice, created on first sight; null once the slice limit is exceeded. */
  public StatSet slice(List<String> key) {
    StatSet s = slices.get(key);
    if (s == null) {
      if (slices.size() >= maxSlices) {
        sliceOverflow = true;
        return null;
      }
      s = prototype.fresh();
      slices.put(key, s);
    }
    return s;
  }

  public void countRow() {
    rows++;
  }

  /**
   * Counts a row that --ignore-index leaves out, in its slice (created, so that a slice of ignored
   * rows alone is still reported); false once the slice limit is exceeded.
   */
  public boolean ignore(List<String> key) {
    if (slice(key) == null) return false;
    ignored.merge(key, 1L, Long::sum);
    return true;
  }

  public void countRows(long n) {
    rows += n;
  }

  public void bad(long partition, long offset, RowRule.Bad bad) {
    if (RowRule.ignored(bad)) throw new IllegalStateException("ignored rows are counted with ignore(slice), not as bad rows");
    skipped.merge(bad.reason(), 1L, Long::sum);
    if (partition < firstBadPartition || (partition == firstBadPartition && offset < firstBadOffset)) {
      firstBadPartition = partition;
      firstBadOffset = offset;
      firstBadDetail = bad.detail();
      firstBadWhere = null;
    }
  }

  /**
   * Bad rows of a group (a ranking query): {@code rows} rows counted under the reason; the one
   * named first is the smallest {@code order} (a hash of the group and the fault, so that it does
   * not depend on partitioning), described as being at {@code where}.
   */
  public void badGroup(String where, long order, RowRule.Bad bad, long rows) {
    skipped.merge(bad.reason(), rows, Long::sum);
    if (firstBadPartition > 0 || order < firstBadOffset) {
      firstBadPartition = 0;
      firstBadOffset = order;
      firstBadDetail = bad.detail();
      firstBadWhere = where;
    }
  }

  public Partial merge(Partial o) {
    extra.merge(o.extra);
    rows += o.rows;
    sliceOverflow |= o.sliceOverflow;
    o.skipped.forEach((k, v) -> skipped.merge(k, v, Long::sum));
    o.ignored.forEach((k, v) -> ignored.merge(k, v, Long::sum));
    if (o.firstBadPartition < firstBadPartition
        || (o.firstBadPartition == firstBadPartition && o.firstBadOffset < firstBadOffset)) {
      firstBadPartition = o.firstBadPartition;
      firstBadOffset = o.firstBadOffset;
      firstBadDetail = o.firstBadDetail;
      firstBadWhere = o.firstBadWhere;
    }
    for (Map.Entry<List<String>, StatSet> e : o.slices.entrySet()) {
      StatSet mine = slices.get(e.getKey());
      if (mine == null) slices.put(e.getKey(), e.getValue());
      else mine.merge(e.getValue());
    }
    if (slices.size() > maxSlices) sliceOverflow = true;
    return this;
  }

  /** Every slice merged: the overall state (exact merges make this equal to a direct pass). */
  public StatSet overall() {
    StatSet all = prototype.fresh();
    for (StatSet s : slices.values()) all.merge(s);
    return all;
  }

  public Map<List<String>, StatSet> slices() {
    return slices;
  }

  public long rows() {
    return rows;
  }

  public long skippedTotal() {
    long n = 0;
    for (long v : skipped.values()) n += v;
    return n;
  }

  public Map<String, Long> skipped() {
    return skipped;
  }

  /** Rows left out by --ignore-index, in all. */
  public long ignoredTotal() {
    long n = 0;
    for (long v : ignored.values()) n += v;
    return n;
  }

  /** Rows left out by --ignore-index in one slice. */
  public long ignored(List<String> key) {
    return ignored.getOrDefault(key, 0L);
  }

  public boolean sliceOverflow() {
    return sliceOverflow;
  }

  public int maxSlices() {
    return maxSlices;
  }

  /** "partition P, row R: detail" of the first bad row, or null. */
  public String firstBad() {
    if (firstBadDetail == null) return null;
    if (firstBadWhere != null) return firstBadWhere + ": " + firstBadDetail;
    return "partition " + firstBadPartition + ", row " + firstBadOffset + ": " + firstBadDetail;
  }
}
