package dev.sparkeval.rank;

import dev.sparkeval.core.RankedQuery;

/** Relevant items among the first k, over the query's relevant items (MLlib's recallAt). */
public final class Recall extends AtK {
  private static final long serialVersionUID = 1L;

  public Recall(int k, boolean skipEmpty) {
    super("recall", k, skipEmpty);
  }

  @Override protected void curve(RankedQuery q, int K, double[] out) {
    Sweeps.hits(q, K, out);
    for (int i = 0; i < K; i++) out[i] /= q.relevant;
  }

  @Override public AtK at(int k) {
    return new Recall(k, skipEmpty);
  }
}
