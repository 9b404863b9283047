package dev.sparkeval.rank;

import dev.sparkeval.core.RankedQuery;

/** 1 when a relevant item is among the first k, else 0 (TorchMetrics RetrievalHitRate); ties in expectation. */
public final class HitRate extends AtK {
  private static final long serialVersionUID = 1L;

  public HitRate(int k, boolean skipEmpty) {
    super("hit_rate", k, skipEmpty);
  }

  @Override protected void curve(RankedQuery q, int K, double[] out) {
    Sweeps.hitRate(q, K, out);
  }

  @Override public AtK at(int k) {
    return new HitRate(k, skipEmpty);
  }
}
