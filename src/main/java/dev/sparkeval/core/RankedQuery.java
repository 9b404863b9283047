package dev.sparkeval.core;

import java.util.Arrays;

/**
 * One query as the ranking states see it: the grade of the item at each rank position, the tie
 * groups of equal scores (in rank order), how many items of the query are relevant (grade > 0),
 * and its grades in descending order (the ideal ranking). A mutable holder that the row rule
 * refills for every query, so that the per-query path allocates only when a query is longer
 * than any before it.
 *
 * <p>Long layout ({@code graded}): every item of the query is ranked, by score, ties grouped.
 * MLlib's array layout: the ranked ids, grade 1 where the id is in the relevant set, no ties; the
 * relevant set may hold ids the ranking does not, so {@code relevant} can exceed the relevant
 * items ranked, and the ideal grades are {@code relevant} ones.
 */
public final class RankedQuery {
  /** Items ranked. */
  public int n;
  /** Grade of the item at each position, 0 for irrelevant (n of them). */
  public double[] grade = new double[16];
  /** Tie groups in rank order: first position, size and relevant items of each (the long layout; the array layout has no ties and leaves them empty). */
  public int groups;
  public int[] groupStart = new int[16];
  public int[] groupSize = new int[16];
  public int[] groupRelevant = new int[16];
  /** Whether some group holds more than one item; without ties position i is a group of its own, read from {@link #grade}. */
  public boolean ties;
  /** Relevant items of the query (grade > 0). */
  public int relevant;
  /** Long layout: every item ranked by its score (so irrelevant items are all known). */
  public boolean graded;
  /** The query's grades in descending order (graded), idealN of them; binary queries have idealN = relevant ones. */
  public double[] ideal = new double[16];
  public int idealN;
  /** Array layout: the row rule's table of the query's ids. */
  public final IdTable ids = new IdTable();
  private final Curves curves = new Curves();
  private double[] scratch = new double[16];

  /** Starts a query of n ranked items. */
  public void reset(int n, boolean graded) {
    this.n = n;
    this.graded = graded;
    this.groups = 0;
    this.ties = false;
    this.relevant = 0;
    this.idealN = 0;
    curves.clear();
    if (grade.length < n) grade = new double[grow(n)];
  }

  /** Appends a tie group covering positions [start, start + size). */
  public void addGroup(int start, int size) {
    if (groupStart.length <= groups) {
      int c = grow(groups + 1);
      groupStart = Arrays.copyOf(groupStart, c);
      groupSize = Arrays.copyOf(groupSize, c);
      groupRelevant = Arrays.copyOf(groupRelevant, c);
    }
    int r = 0;
    for (int i = start; i < start + size; i++) if (grade[i] > 0) r++;
    groupStart[groups] = start;
    groupSize[groups] = size;
    groupRelevant[groups] = r;
    groups++;
    if (size > 1) ties = true;
  }

  /** Room for n ideal grades. */
  public double[] idealCapacity(int n) {
    if (ideal.length < n) ideal = new double[grow(n)];
    return ideal;
  }

  /** The ideal grade at position i (0 beyond the query's grades). */
  public double idealGrade(int i) {
    if (i >= idealN) return 0;
    return graded ? ideal[i] : 1.0;
  }

  /** The curve (values at k = 1..K) kept for key (an interned string) on this query at K or more, or null. */
  public double[] curve(String key, int K) {
    return curves.find(key, K);
  }

  /** Room for key's curve at k = 1..K, kept until the next query. */
  public double[] newCurve(String key, int K) {
    return curves.add(key, K);
  }

  /** A reusable buffer of at least n doubles, for per-query sweeps over k. */
  public double[] scratch(int n) {
    if (scratch.length < n) scratch = new double[grow(n)];
    return scratch;
  }

  private static int grow(int n) {
    return Math.max(16, Integer.highestOneBit(Math.max(1, n - 1)) << 1);
  }
}
