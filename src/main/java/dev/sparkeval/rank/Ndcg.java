package dev.sparkeval.rank;

import dev.sparkeval.core.RankedQuery;

/**
 * Normalised discounted cumulative gain at k: DCG of the ranking over DCG of the ideal ranking,
 * gain the grade (or 2^grade - 1), discount 1 / log2(position + 1), tied scores' gains averaged
 * (sklearn.metrics.ndcg_score). On MLlib's array layout grades are 1 for the relevant ids, which
 * is RankingMetrics.ndcgAt. A query whose ideal DCG is 0 counts as a query without a relevant item.
 */
public final class Ndcg extends AtK {
  private static final long serialVersionUID = 1L;
  private final boolean exponential;

  public Ndcg(int k, boolean exponential, boolean skipEmpty) {
    super("ndcg", k, skipEmpty);
    this.exponential = exponential;
  }

  @Override protected String extraKey() {
    return exponential ? ",gain=exponential" : "";
  }

  @Override protected void curve(RankedQuery q, int K, double[] out) {
    Sweeps.dcg(q, exponential, K, out);
    double ideal = 0;
    for (int i = 0; i < K; i++) {
      if (i < q.idealN) ideal += Sweeps.gain(q.idealGrade(i), exponential) * Sweeps.discount(i);
      out[i] = ideal == 0 ? emptyValue() : out[i] / ideal;
    }
  }

  @Override public AtK at(int k) {
    return new Ndcg(k, exponential, skipEmpty);
  }
}
