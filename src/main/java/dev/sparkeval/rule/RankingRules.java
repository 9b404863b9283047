package dev.sparkeval.rule;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.IdTable;
import dev.sparkeval.core.RankedQuery;
import dev.sparkeval.core.RowRule;
import java.util.Arrays;

/**
 * The row rules of the ranking task: each builds the Example's {@link RankedQuery}. MLlib's array
 * layout ({@link #ARRAYS}): a row is one query, the ranked ids and the relevant ids. The long layout
 * ({@link #GRADED}): the grades and scores of one query's items, gathered by the grouped pass
 * (which checks each row's grade with {@link #grade}); sorted here into rank order.
 */
public final class RankingRules {
  private RankingRules() {}

  /** MLlib's array layout: prediction = ranked ids, label = relevant ids (a set: repeats count once). */
  public static final RowRule ARRAYS = RankingRules::arrays;

  /** The long layout: label = grades, prediction = scores of one query's items, in any order. */
  public static final RowRule GRADED = RankingRules::graded;

  /** A grade of the long layout: a number >= 0 (relevant when > 0). */
  public static RowRule.Bad grade(double g) {
    if (g < 0) return new RowRule.Bad("negative_grade", "label (the relevance grade) is " + g + "; grades must be >= 0 (relevant when > 0)");
    return null;
  }

  private static final int RELEVANT = 1;
  private static final int RANKED = 2;

  static RowRule.Bad arrays(Example e) {
    if (e.labelVec == null || e.predictionVec == null) {
      return new RowRule.Bad("not_arrays", "ranking rows without a query column hold arrays: prediction the ranked item ids,"
          + " label the relevant ids (or give --query for one row per query and item)");
    }
    RankedQuery q = query(e);
    double[] ranked = e.predictionVec;
    double[] relevant = e.labelVec;
    int n = ranked.length;
    IdTable t = q.ids;
    t.clear(n + relevant.length);
    int distinct = 0;
    for (double id : relevant) {
      long k = Double.doubleToLongBits(id + 0.0); // -0.0 is the id 0
      int i = t.slot(k);
      if (t.flags(i) == 0) {
        t.put(i, k, RELEVANT);
        distinct++;
      }
    }
    q.reset(n, false);
    for (int j = 0; j < n; j++) {
      long k = Double.doubleToLongBits(ranked[j] + 0.0);
      int i = t.slot(k);
      int f = t.flags(i);
      if ((f & RANKED) != 0) {
        return new RowRule.Bad("duplicate_item", "prediction ranks item " + id(ranked[j]) + " twice; a ranking lists each item once");
      }
      t.put(i, k, f | RANKED);
      q.grade[j] = (f & RELEVANT) != 0 ? 1 : 0;
    }
    q.relevant = distinct;
    q.idealN = distinct;
    return null;
  }

  static RowRule.Bad graded(Example e) {
    double[] grades = e.labelVec;
    double[] scores = e.predictionVec;
    int n = grades.length;
    for (double g : grades) {
      RowRule.Bad bad = grade(g);
      if (bad != null) return bad;
    }
    sort(scores, grades, n);
    RankedQuery q = query(e);
    q.reset(n, true);
    System.arraycopy(grades, 0, q.grade, 0, n);
    int start = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n || scores[i] != scores[start]) {
        q.addGroup(start, i - start);
        start = i;
      }
    }
    int relevant = 0;
    for (int i = 0; i < n; i++) if (grades[i] > 0) relevant++;
    q.relevant = relevant;
    double[] ideal = q.idealCapacity(n);
    System.arraycopy(grades, 0, ideal, 0, n);
    Arrays.sort(ideal, 0, n);
    for (int i = 0, j = n - 1; i < j; i++, j--) {
      double t = ideal[i];
      ideal[i] = ideal[j];
      ideal[j] = t;
    }
    q.idealN = n;
    return null;
  }

  private static RankedQuery query(Example e) {
    if (e.query == null) e.query = new RankedQuery();
    return e.query;
  }

  /**
   * Sorts the items into rank order in place: score descending, then grade descending (so that
   * a query's canonical form, and its bootstrap draws, do not depend on the order rows arrive in).
   */
  static void sort(double[] scores, double[] grades, int n) {
    if (n > 64) {
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) order[i] = i;
      Arrays.sort(order, (a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Double.compare(grades[b], grades[a]));
      double[] s = new double[n];
      double[] g = new double[n];
      for (int i = 0; i < n; i++) {
        s[i] = scores[order[i]];
        g[i] = grades[order[i]];
      }
      System.arraycopy(s, 0, scores, 0, n);
      System.arraycopy(g, 0, grades, 0, n);
      return;
    }
    for (int i = 1; i < n; i++) { // most queries are short: insertion sort, no allocation
      double s = scores[i];
      double g = grades[i];
      int j = i - 1;
      while (j >= 0 && (scores[j] < s || (scores[j] == s && grades[j] < g))) {
        scores[j + 1] = scores[j];
        grades[j + 1] = grades[j];
        j--;
      }
      scores[j + 1] = s;
      grades[j + 1] = g;
    }
  }

  private static String id(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
