package dev.sparkeval.rank;

import dev.sparkeval.core.RankedQuery;

/**
 * Average precision as MLlib's RankingMetrics defines it: the sum of the precision at each
 * relevant item's position among the first k, over min(relevant items, k); without a cutoff
 * (k = 0), over the relevant items (meanAveragePrecision); with k, meanAveragePrecisionAt(k).
 */
public final class AveragePrecision extends AtK {
  private static final long serialVersionUID = 1L;

  public AveragePrecision(int k, boolean skipEmpty) {
    super("map", k, skipEmpty);
  }

  /** The query's walk of precision sums, which map with and without a cutoff share (a string literal: interned). */
  private static final String SUMS = "map;precision_sums";

  @Override protected void curve(RankedQuery q, int K, double[] out) {
    double[] sums = q.curve(SUMS, K);
    if (sums == null) {
      sums = q.newCurve(SUMS, K);
      Sweeps.precisionSums(q, K, sums);
    }
    for (int i = 0; i < K; i++) out[i] = sums[i] / (k == 0 ? q.relevant : Math.min(q.relevant, i + 1));
  }

  @Override protected String walkKey() {
    return super.walkKey() + (k == 0 ? ";whole" : ""); // without a cutoff the sums are over every relevant item
  }

  @Override public AtK at(int k) {
    return new AveragePrecision(k, skipEmpty);
  }
}
