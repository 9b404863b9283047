package dev.sparkeval.rank;

import dev.sparkeval.core.RankedQuery;

/**
 * 1 / the position of the first relevant item, 0 when none is among the first k (TorchMetrics
 * RetrievalMRR). When the first group holding a relevant item has G tied items, r of them
 * relevant, the first relevant one is the group's j-th with probability
 * prod_{t < j - 1} (G - r - t) / (G - t) * r / (G - j + 1).
 */
public final class ReciprocalRank extends QueryMetric {
  private static final long serialVersionUID = 1L;

  public ReciprocalRank(int k, boolean skipEmpty) {
    super("mrr", k, skipEmpty);
  }

  @Override protected double value(RankedQuery q) {
    int limit = cutoff(q);
    if (!q.ties) {
      for (int i = 0; i < Math.min(limit, q.n); i++) if (q.grade[i] > 0) return 1.0 / (i + 1);
      return 0;
    }
    for (int g = 0; g < q.groups; g++) {
      int a = q.groupStart[g];
      if (a >= limit) return 0;
      int r = q.groupRelevant[g];
      if (r == 0) continue;
      int size = q.groupSize[g];
      if (size == 1) return 1.0 / (a + 1);
      double sum = 0;
      double none = 1; // chance that the group's first j - 1 positions hold no relevant item
      for (int j = 1; j <= size - r + 1 && a + j <= limit; j++) {
        sum += none * r / (size - j + 1) / (a + j);
        none = none * (size - r - j + 1) / (size - j + 1);
      }
      return sum;
    }
    return 0;
  }
}
