package dev.sparkeval.spark.eval;

import dev.sparkeval.state.OrderLayout;
import dev.sparkeval.state.PosNeg;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The units of a sort job: every non-empty layout bin of every group (a state set, stream and
 * channel), numbered in stream order so that sorting by unit then value is the stream's order.
 * Built on the driver from the pass's layouts; each unit knows its group, its rows (for balancing
 * the ranges) and the exact weight before it in its stream.
 */
final class OrderUnits implements Serializable {
  private static final long serialVersionUID = 1L;
  private int groups;
  private int[] shift = new int[8], base = new int[8];
  private boolean[] descending = new boolean[8];
  private long[][] bins = new long[8][];
  private final List<PosNeg> before = new ArrayList<>();
  private int[] groupOf = new int[64];
  private long[] rows = new long[64];

  /** Adds a group; returns its id. */
  int add(OrderLayout layout, boolean desc) {
    int g = groups++;
    if (g == shift.length) {
      shift = Arrays.copyOf(shift, 2 * g);
      base = Arrays.copyOf(base, 2 * g);
      descending = Arrays.copyOf(descending, 2 * g);
      bins = Arrays.copyOf(bins, 2 * g);
    }
    long[] b = layout.bins();
    shift[g] = layout.shift();
    bins[g] = b;
    base[g] = before.size();
    descending[g] = desc;
    PosNeg acc = new PosNeg();
    for (int i = 0; i < b.length; i++) {
      PosNeg cell = layout.cell(b[desc ? b.length - 1 - i : i]);
      int u = before.size();
      if (u == groupOf.length) {
        groupOf = Arrays.copyOf(groupOf, 2 * u);
        rows = Arrays.copyOf(rows, 2 * u);
      }
      before.add(acc.copy());
      groupOf[u] = g;
      rows[u] = cell.rows();
      acc.merge(cell);
    }
    return g;
  }

  int units() { return before.size(); }

  /** The unit of a value's layout key in group g. */
  int unit(int g, long layoutKey) {
    long[] b = bins[g];
    int i = Arrays.binarySearch(b, layoutKey >> shift[g]);
    if (i < 0) {
      throw new IllegalStateException("a row of the sort job has no bin in the pass: the table changed between them"
          + " (a nondeterministic source? cache or write it first)");
    }
    return base[g] + (descending[g] ? b.length - 1 - i : i);
  }

  int group(int unit) { return groupOf[unit]; }

  /** Group g's stream runs from the highest value down. */
  boolean descending(int g) { return descending[g]; }

  /** The exact weight before the unit in its group's stream order. */
  PosNeg before(int unit) { return before.get(unit); }

  long[] rowsPerUnit() { return Arrays.copyOf(rows, before.size()); }
}
