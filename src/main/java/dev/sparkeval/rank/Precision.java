package dev.sparkeval.rank;

import dev.sparkeval.core.RankedQuery;

/** Relevant items among the first k, over k, also when fewer than k are ranked (MLlib's precisionAt). */
public final class Precision extends AtK {
  private static final long serialVersionUID = 1L;

  public Precision(int k, boolean skipEmpty) {
    super("precision", k, skipEmpty);
  }

  @Override protected void curve(RankedQuery q, int K, double[] out) {
    Sweeps.hits(q, K, out);
    for (int i = 0; i < K; i++) out[i] /= i + 1;
  }

  @Override public AtK at(int k) {
    return new Precision(k, skipEmpty);
  }
}
