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
 * One range of the grouped pass: rows arrive in any order; each row's score and grade are
 * appended to primitive arrays, marked with their query's number in a hash table of the queries
 * (no row sort: Spark's sort and its read-back cost more than the whole walk). Once the range is
 * read, a counting sort by query number puts each query's items together, and every query is
 * checked and folded as one Example. A bad row (null, NaN, negative grade) spoils its whole
 * query: the query is left out and its other rows counted under {@code query_has_bad_row}; so is
 * a query whose weight or slice values differ between its rows (--weight is a per-query weight;
 * slices split queries, not items). What the table holds is asked of the task's memory
 * ({@link TaskMemory}); when refused, {@link #add} returns false and the table is of no use.
 */
final class QueryTable {
  private static final RowRule.Bad SPOILED = new RowRule.Bad("query_has_bad_row",
      "the query has a bad row, so its other rows are left out too");
  /** Bytes per query (id, hash, counts, weight, start, directory slots) and per item (with its place in the sort). */
  private static final long QUERY_BYTES = 60;
  private static final long ITEM_BYTES = 24;
  private final Partial p;
  private final RowReader reader;
  private final RowRule rule;
  private final int column;
  private final boolean longs;
  private final TaskMemory memory;
  private final Example row = new Example();
  private final Example query = new Example();
  private int[] slots = new int[128]; // query + 1 at each hash's slot, 0 when empty
  private int queries;
  private long[] ids = new long[64];
  private UTF8String[] texts;
  private long[] hashes = new long[64];
  private int[] sizes = new int[64]; // good rows (items)
  private int[] rows = new int[64];
  private int[] badRows = new int[64];
  private double[] weights = new double[64];
  private Object[] slices; // List<String> per query, when sliced
  private RowRule.Bad[] faults; // created on the first fault
  private int items;
  private double[] scores = new double[256];
  private double[] grades = new double[256];
  private int[] owners = new int[256]; // the query of each item

  QueryTable(Partial p, RowReader reader, RowRule rule, int column, boolean longs, TaskMemory memory) {
    this.p = p;
    this.reader = reader;
    this.rule = rule;
    this.column = column;
    this.longs = longs;
    this.memory = memory;
    if (!longs) texts = new UTF8String[64];
    if (reader.sliced()) slices = new Object[64];
  }

  /** The bytes a new table holds before its first row. */
  static long initialBytes() {
    return 64 * QUERY_BYTES + 256 * ITEM_BYTES;
  }

  /** Takes one row; false when the memory it needs is refused. */
  boolean add(InternalRow r) {
    p.countRow();
    if (r.isNullAt(column)) {
      RowRule.Bad b = new RowRule.Bad("null_query", "query is null; every row needs the id of its query");
      p.badGroup("a row without a query", order(0, b), b, 1);
      return true;
    }
    int q = find(r);
    if (q < 0) return false;
    rows[q]++;
    row.weight = 1.0;
    RowRule.Bad b = reader.read(r, row);
    if (b == null) b = RankingRules.grade(row.label);
    if (b != null) {
      p.badGroup(where(q), order(hashes[q], b), b, 1);
      badRows[q]++;
      return true;
    }
    List<String> key = reader.sliced() ? reader.sliceKey(r) : Partial.NO_SLICE;
    RowRule.Bad fault = faults == null ? null : faults[q];
    if (sizes[q] == 0 && fault == null) {
      weights[q] = row.weight;
      if (slices != null) slices[q] = key;
    } else if (fault == null && row.weight != weights[q]) {
      fault(q, new RowRule.Bad("weight_varies_in_query", "its rows have weights " + weights[q] + " and " + row.weight
          + "; --weight is a per-query weight and must be the same on every row of a query"));
    } else if (fault == null && slices != null && !key.equals(slices[q])) {
      fault(q, new RowRule.Bad("slice_varies_in_query", "its rows have slice values " + slices[q] + " and " + key
          + "; a slice column must be constant within a query (slices split queries, not items)"));
    }
    if (items == scores.length && !growItems()) return false;
    scores[items] = row.prediction + 0.0; // -0.0 ties with 0.0
    grades[items] = row.label;
    owners[items++] = q;
    sizes[q]++;
    return true;
  }

  /**
   * Folds every query into the states of its slice; stops at a slice one too many (the partial
   * knows, and the run fails on the slice limit).
   */
  void fold() {
    StatSet fixed = reader.sliced() ? null : p.slice(Partial.NO_SLICE);
    StatSet extra = p.extra().isEmpty() ? null : p.extra();
    int[] start = new int[queries + 1];
    for (int q = 0; q < queries; q++) start[q + 1] = start[q] + sizes[q];
    int[] sorted = byQuery(start);
    for (int q = 0; q < queries; q++) {
      long good = rows[q] - badRows[q];
      RowRule.Bad fault = faults == null ? null : faults[q];
      if (badRows[q] > 0 || fault != null) {
        if (good > 0) p.badGroup(where(q), badRows[q] > 0 ? Long.MAX_VALUE - 1 : order(hashes[q], fault),
            badRows[q] > 0 ? SPOILED : fault, good);
        continue;
      }
      int n = sizes[q];
      double[] g = query.labelVec != null && query.labelVec.length == n ? query.labelVec : new double[n];
      double[] s = query.predictionVec != null && query.predictionVec.length == n ? query.predictionVec : new double[n];
      for (int k = 0, j = start[q]; k < n; k++, j++) {
        g[k] = grades[sorted[j]];
        s[k] = scores[sorted[j]];
      }
      query.labelVec = g;
      query.predictionVec = s;
      query.weight = weights[q];
      query.key = hashes[q];
      RowRule.Bad b = rule.check(query);
      if (b != null) {
        p.badGroup(where(q), order(hashes[q], b), b, good);
        continue;
      }
      @SuppressWarnings("unchecked")
      StatSet set = fixed != null ? fixed : p.slice((List<String>) slices[q]);
      if (set == null) return;
      set.add(query);
      if (extra != null) extra.add(query);
    }
  }

  /** The items in query order, each query's in arrival order (a counting sort: no chain to follow item by item). */
  private int[] byQuery(int[] start) {
    int[] next = Arrays.copyOf(start, queries);
    int[] order = new int[items];
    for (int i = 0; i < items; i++) order[next[owners[i]]++] = i;
    return order;
  }

  /** The query of the row, added when new; -1 when the memory for it is refused. */
  private int find(InternalRow r) {
    long id = 0;
    UTF8String text = null;
    long h;
    if (longs) {
      id = r.getLong(column);
      h = XXH64.hashLong(id, 42);
    } else {
      text = r.getUTF8String(column);
      h = XXH64.hashUnsafeBytes(text.getBaseObject(), text.getBaseOffset(), text.numBytes(), 42);
    }
    if (h == 0) h = 1; // the hash enters the bootstrap draws, where 0 means none
    int mask = slots.length - 1;
    int s = (int) h & mask;
    for (int q; (q = slots[s] - 1) >= 0; s = (s + 1) & mask) {
      if (hashes[q] == h && (longs ? ids[q] == id : texts[q].equals(text))) return q;
    }
    if (queries == ids.length && !growQueries()) return -1;
    if (!longs && !memory.grow(text.numBytes() + 48L)) return -1;
    int q = queries++;
    ids[q] = id;
    if (!longs) texts[q] = text.clone(); // rows are reused: keep our own bytes
    hashes[q] = h;
    if (2 * queries > slots.length) rehash();
    else slots[s] = q + 1;
    return q;
  }

  private boolean growQueries() {
    int n = ids.length;
    if (n > (1 << 28) || !memory.grow(n * QUERY_BYTES)) return false;
    ids = Arrays.copyOf(ids, 2 * n);
    hashes = Arrays.copyOf(hashes, 2 * n);
    sizes = Arrays.copyOf(sizes, 2 * n);
    rows = Arrays.copyOf(rows, 2 * n);
    badRows = Arrays.copyOf(badRows, 2 * n);
    weights = Arrays.copyOf(weights, 2 * n);
    if (texts != null) texts = Arrays.copyOf(texts, 2 * n);
    if (slices != null) slices = Arrays.copyOf(slices, 2 * n);
    if (faults != null) faults = Arrays.copyOf(faults, 2 * n);
    return true;
  }

  private boolean growItems() {
    int n = scores.length;
    if (n > (1 << 29) || !memory.grow(n * ITEM_BYTES)) return false;
    scores = Arrays.copyOf(scores, 2 * n);
    grades = Arrays.copyOf(grades, 2 * n);
    owners = Arrays.copyOf(owners, 2 * n);
    return true;
  }

  /** Doubles the directory (its bytes are counted with the queries'). */
  private void rehash() {
    slots = new int[2 * slots.length];
    int mask = slots.length - 1;
    for (int q = 0; q < queries; q++) {
      int s = (int) hashes[q] & mask;
      while (slots[s] != 0) s = (s + 1) & mask;
      slots[s] = q + 1;
    }
  }

  private void fault(int q, RowRule.Bad b) {
    if (faults == null) faults = new RowRule.Bad[ids.length];
    faults[q] = b;
  }

  /** Orders faults independently of partitioning: by the query and the fault. */
  private static long order(long queryHash, RowRule.Bad b) {
    return XXH64.hashLong(queryHash ^ b.detail().hashCode(), 7) >>> 1;
  }

  private String where(int q) {
    String s = longs ? Long.toString(ids[q]) : texts[q].toString();
    return "query '" + (s.length() > 80 ? s.substring(0, 77) + "..." : s) + "'";
  }
}
