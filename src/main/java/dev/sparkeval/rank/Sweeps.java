package dev.sparkeval.rank;

import dev.sparkeval.core.RankedQuery;

/**
 * Values at every cutoff k = 1..K of one query in one walk down its tie groups, written to
 * out[k - 1]. Within a tie group every order of its items is equally likely, so a position of
 * a group of size G with r relevant items is relevant with probability r / G.
 */
final class Sweeps {
  private Sweeps() {}

  private static final int TABLE = 1 << 12;
  private static final double[] DISCOUNT = new double[TABLE];

  static {
    for (int i = 0; i < TABLE; i++) DISCOUNT[i] = compute(i);
  }

  /** The DCG discount of position i (0-based): 1 / log2(i + 2), written as scikit-learn computes it. */
  static double discount(int i) {
    return i < TABLE ? DISCOUNT[i] : compute(i);
  }

  private static double compute(int i) {
    return 1 / (Math.log(i + 2) / Math.log(2));
  }

  /** Expected relevant items among the first k positions. */
  static void hits(RankedQuery q, int K, double[] out) {
    if (!q.ties) {
      int hits = 0;
      for (int k = 0; k < K; k++) {
        if (k < q.n && q.grade[k] > 0) hits++;
        out[k] = hits;
      }
      return;
    }
    int above = 0;
    int k = 0;
    for (int g = 0; g < q.groups && k < K; g++) {
      int size = q.groupSize[g];
      int r = q.groupRelevant[g];
      for (int j = 1; j <= size && k < K; j++) out[k++] = above + (double) r * j / size;
      above += r;
    }
    while (k < K) out[k++] = above;
  }

  /** Discounted cumulative gain of the first k positions; gains of a tie group are averaged. */
  static void dcg(RankedQuery q, boolean exponential, int K, double[] out) {
    double dcg = 0;
    if (!q.ties) {
      for (int k = 0; k < K; k++) {
        if (k < q.n && q.grade[k] != 0) dcg += gain(q.grade[k], exponential) * discount(k);
        out[k] = dcg;
      }
      return;
    }
    int k = 0;
    for (int g = 0; g < q.groups && k < K; g++) {
      int start = q.groupStart[g];
      int size = q.groupSize[g];
      double sum = 0;
      for (int i = start; i < start + size; i++) sum += gain(q.grade[i], exponential);
      double mean = size == 1 ? sum : sum / size;
      for (int j = 0; j < size && k < K; j++, k++) {
        if (mean != 0) dcg += mean * discount(k);
        out[k] = dcg;
      }
    }
    while (k < K) out[k++] = dcg;
  }

  /** The DCG of the ideal ranking (the query's grades in descending order) at the first k positions. */
  static void idealDcg(RankedQuery q, boolean exponential, int K, double[] out) {
    double dcg = 0;
    for (int k = 0; k < K; k++) {
      if (k < q.idealN) dcg += gain(q.idealGrade(k), exponential) * discount(k);
      out[k] = dcg;
    }
  }

  static double gain(double grade, boolean exponential) {
    return exponential ? Math.pow(2, grade) - 1 : grade;
  }

  /**
   * The numerator of average precision at k: the sum, over relevant items among the first k, of
   * the precision at their position. A group's position j (1-based) at rank p is relevant with
   * probability r / G, and then the relevant items at or above it are h + 1 (h above the group)
   * plus (r - 1)(j - 1) / (G - 1) expected from the group's other positions before it.
   */
  static void precisionSums(RankedQuery q, int K, double[] out) {
    double sum = 0;
    if (!q.ties) {
      int hits = 0;
      for (int k = 0; k < K; k++) {
        if (k < q.n && q.grade[k] > 0) sum += (double) ++hits / (k + 1);
        out[k] = sum;
      }
      return;
    }
    int above = 0;
    int k = 0;
    for (int g = 0; g < q.groups && k < K; g++) {
      int size = q.groupSize[g];
      int r = q.groupRelevant[g];
      for (int j = 1; j <= size && k < K; j++) {
        int p = ++k;
        if (r > 0) {
          if (size == 1) {
            sum += (double) (above + 1) / p;
          } else {
            double hits = above + 1 + (double) (r - 1) * (j - 1) / (size - 1);
            sum += r * hits / ((double) size * p);
          }
        }
        out[p - 1] = sum;
      }
      above += r;
    }
    while (k < K) out[k++] = sum;
  }

  /**
   * The probability that a relevant item is among the first k: 0 before the first group with a
   * relevant item, 1 after it, and inside it one minus the chance that its first j positions
   * hold none of its r relevant items, prod_{t < j} (G - r - t) / (G - t).
   */
  static void hitRate(RankedQuery q, int K, double[] out) {
    if (!q.ties) {
      boolean hit = false;
      for (int k = 0; k < K; k++) {
        hit |= k < q.n && q.grade[k] > 0;
        out[k] = hit ? 1 : 0;
      }
      return;
    }
    int k = 0;
    boolean hit = false;
    for (int g = 0; g < q.groups && k < K; g++) {
      int size = q.groupSize[g];
      int r = q.groupRelevant[g];
      if (hit || r == 0) {
        for (int j = 0; j < size && k < K; j++) out[k++] = hit ? 1 : 0;
        continue;
      }
      double none = 1;
      for (int j = 0; j < size && k < K; j++) {
        none = size - r - j <= 0 ? 0 : none * (size - r - j) / (size - j);
        out[k++] = 1 - none;
      }
      hit = true;
    }
    while (k < K) out[k++] = hit ? 1 : 0;
  }
}
