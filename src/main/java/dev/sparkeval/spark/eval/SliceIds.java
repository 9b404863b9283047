package dev.sparkeval.spark.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Numbers the slice keys a task meets: 0, 1, 2, ... in order of first sight, with the key (the
 * slice column values as strings) of each. A value costs a lookup on its bytes: strings of up to
 * 8 bytes (most slice names) are compared by their 8-byte prefix and length alone, longer ones
 * also byte by byte. No String is made for a value already seen. One instance per task.
 */
final class SliceIds {
  private final Column[] columns;
  private final Map<List<Integer>, Integer> combined = new HashMap<>(); // several slice columns
  private final List<List<String>> keys = new ArrayList<>();
  private final Integer[] probe;

  SliceIds(int columnCount) {
    columns = new Column[columnCount];
    for (int j = 0; j < columnCount; j++) columns[j] = new Column();
    probe = new Integer[columnCount];
  }

  /** The id of a row's slice, from the value of each slice column (null for SQL NULL). */
  int id(UTF8String value) {
    if (columns.length == 1) {
      int id = columns[0].id(value);
      if (id == keys.size()) keys.add(Arrays.asList(columns[0].values.get(id)));
      return id;
    }
    throw new IllegalStateException("one value for " + columns.length + " slice columns");
  }

  /** The id of a row's slice with several slice columns: values[j] of column j. */
  int id(UTF8String[] values) {
    if (columns.length == 1) return id(values[0]);
    for (int j = 0; j < columns.length; j++) probe[j] = columns[j].id(values[j]);
    List<Integer> k = Arrays.asList(probe.clone());
    Integer id = combined.get(k);
    if (id == null) {
      id = keys.size();
      combined.put(k, id);
      String[] key = new String[columns.length];
      for (int j = 0; j < key.length; j++) key[j] = columns[j].values.get(k.get(j));
      keys.add(Arrays.asList(key));
    }
    return id;
  }

  /** The key of slice id (as RowReader.sliceKey gives it). */
  List<String> key(int id) {
    return keys.get(id);
  }

  /** One slice column's distinct values: an open-addressing table on (8-byte prefix, length). */
  private static final class Column {
    final List<String> values = new ArrayList<>();
    private long[] prefix = new long[16];
    private int[] length = new int[16];
    private int[] ids = filled(16);
    private UTF8String[] longer = new UTF8String[16]; // values of more than 8 bytes, to compare in full
    private int nullId = -1;

    private static int[] filled(int n) {
      int[] a = new int[n];
      Arrays.fill(a, -1);
      return a;
    }

    int id(UTF8String s) {
      if (s == null) {
        if (nullId < 0) {
          nullId = values.size();
          values.add(null);
        }
        return nullId;
      }
      long p = s.getPrefix();
      int n = s.numBytes();
      int mask = ids.length - 1;
      int h = slot(p, n) & mask;
      while (ids[h] >= 0) {
        if (prefix[h] == p && length[h] == n && (n <= 8 || s.equals(longer[h]))) return ids[h];
        h = (h + 1) & mask;
      }
      int id = values.size();
      values.add(s.toString());
      put(h, p, n, n > 8 ? s.clone() : null, id);
      if (2 * values.size() > ids.length) grow();
      return id;
    }

    private void put(int h, long p, int n, UTF8String full, int id) {
      prefix[h] = p;
      length[h] = n;
      longer[h] = full;
      ids[h] = id;
    }

    private void grow() {
      long[] p = prefix;
      int[] n = length, id = ids;
      UTF8String[] l = longer;
      prefix = new long[p.length * 2];
      length = new int[p.length * 2];
      ids = filled(p.length * 2);
      longer = new UTF8String[p.length * 2];
      int mask = ids.length - 1;
      for (int i = 0; i < p.length; i++) {
        if (id[i] < 0) continue;
        int h = slot(p[i], n[i]) & mask;
        while (ids[h] >= 0) h = (h + 1) & mask;
        put(h, p[i], n[i], l[i], id[i]);
      }
    }

    private static int slot(long p, int n) {
      long z = (p ^ n) * 0x9E3779B97F4A7C15L;
      return (int) (z ^ (z >>> 32));
    }
  }
}
