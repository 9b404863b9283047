package dev.sparkeval.spark.eval;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.Partial;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.rule.RankingRules;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * One partition of the grouped pass: rows arrive sorted by query; each query's scores and grades
 * are gathered, checked and folded as one Example when the next query begins. A bad row
 * (null, NaN, negative grade) spoils its whole query: the query is left out and its other rows
 * counted under {@code query_has_bad_row}; so is a query whose weight or slice values differ
 * between its rows (--weight is a per-query weight; slices split queries, not items).
 */
final class QueryWalk {
  private static final RowRule.Bad SPOILED = new RowRule.Bad("query_has_bad_row",
      "the query has a bad row, so its other rows are left out too");
  private final Partial p;
  private final RowReader reader;
  private final RowRule rule;
  private final int column;
  private final boolean longs;
  private final StatSet fixed;
  private final StatSet extra;
  private final Example row = new Example();
  private final Example query = new Example();
  private boolean open;
  private long id;
  private UTF8String text;
  private double[] scores = new double[16];
  private double[] grades = new double[16];
  private int n;
  private long rows;
  private long badRows;
  private RowRule.Bad fault;
  private double weight;
  private List<String> slice;

  QueryWalk(Partial p, RowReader reader, RowRule rule, int column, boolean longs) {
    this.p = p;
    this.reader = reader;
    this.rule = rule;
    this.column = column;
    this.longs = longs;
    this.fixed = reader.sliced() ? null : p.slice(Partial.NO_SLICE);
    this.extra = p.extra().isEmpty() ? null : p.extra();
  }

  /** Takes one row; false once the slice limit is passed (the run fails, so reading stops). */
  boolean next(InternalRow r) {
    p.countRow();
    if (r.isNullAt(column)) {
      if (!close()) return false;
      RowRule.Bad b = new RowRule.Bad("null_query", "query is null; every row needs the id of its query");
      p.badGroup("a row without a query", order(0, b), b, 1);
      return true;
    }
    if (!open || !same(r)) {
      if (!close()) return false;
      start(r);
    }
    rows++;
    row.weight = 1.0;
    RowRule.Bad b = reader.read(r, row);
    if (b == null) b = RankingRules.grade(row.label);
    if (b != null) {
      p.badGroup(where(), order(hash(), b), b, 1);
      badRows++;
      return true;
    }
    List<String> key = reader.sliced() ? reader.sliceKey(r) : Partial.NO_SLICE;
    if (n == 0 && fault == null) {
      weight = row.weight;
      slice = key;
    } else if (fault == null && row.weight != weight) {
      fault = new RowRule.Bad("weight_varies_in_query", "its rows have weights " + weight + " and " + row.weight
          + "; --weight is a per-query weight and must be the same on every row of a query");
    } else if (fault == null && !key.equals(slice)) {
      fault = new RowRule.Bad("slice_varies_in_query", "its rows have slice values " + slice + " and " + key
          + "; a slice column must be constant within a query (slices split queries, not items)");
    }
    if (n == scores.length) {
      scores = Arrays.copyOf(scores, 2 * n);
      grades = Arrays.copyOf(grades, 2 * n);
    }
    scores[n] = row.prediction + 0.0; // -0.0 ties with 0.0
    grades[n] = row.label;
    n++;
    return true;
  }

  /** Folds the last query; the partition's partial. */
  Partial finish() {
    close();
    return p;
  }

  private void start(InternalRow r) {
    open = true;
    if (longs) id = r.getLong(column);
    else text = r.getUTF8String(column).clone(); // rows are reused: keep our own bytes
    n = 0;
    rows = 0;
    badRows = 0;
    fault = null;
  }

  private boolean same(InternalRow r) {
    return longs ? r.getLong(column) == id : r.getUTF8String(column).equals(text);
  }

  /** Folds or rejects the open query; false when its slice is one too many. */
  private boolean close() {
    if (!open) return true;
    open = false;
    long good = rows - badRows;
    if (badRows > 0 || fault != null) {
      if (good > 0) p.badGroup(where(), badRows > 0 ? Long.MAX_VALUE - 1 : order(hash(), fault), badRows > 0 ? SPOILED : fault, good);
      return true;
    }
    query.labelVec = copy(grades, query.labelVec);
    query.predictionVec = copy(scores, query.predictionVec);
    query.weight = weight;
    query.key = hash();
    RowRule.Bad b = rule.check(query);
    if (b != null) {
      p.badGroup(where(), order(hash(), b), b, good);
      return true;
    }
    StatSet s = fixed != null ? fixed : p.slice(slice);
    if (s == null) return false;
    s.add(query);
    if (extra != null) extra.add(query);
    return true;
  }

  private double[] copy(double[] from, double[] reuse) {
    double[] out = reuse != null && reuse.length == n ? reuse : new double[n];
    System.arraycopy(from, 0, out, 0, n);
    return out;
  }

  /** A 64-bit hash of the query id, never 0 (it enters the bootstrap draws). */
  private long hash() {
    long h = longs ? XXH64.hashLong(id, 42) : XXH64.hashUnsafeBytes(text.getBaseObject(), text.getBaseOffset(), text.numBytes(), 42);
    return h == 0 ? 1 : h;
  }

  /** Orders faults independently of partitioning: by the query and the fault. */
  private static long order(long queryHash, RowRule.Bad b) {
    return XXH64.hashLong(queryHash ^ b.detail().hashCode(), 7) >>> 1;
  }

  private String where() {
    String s = longs ? Long.toString(id) : text.toString();
    return "query '" + (s.length() > 80 ? s.substring(0, 77) + "..." : s) + "'";
  }
}
