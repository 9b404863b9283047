package dev.sparkeval.rank;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RankedQuery;

/**
 * A metric with a value at every cutoff: the one value at k is entry k - 1 of the same walk
 * that draws the curve of k = 1..K in the report, so both agree bit for bit.
 */
public abstract class AtK extends QueryMetric {
  private static final long serialVersionUID = 1L;

  protected AtK(String name, int k, boolean skipEmpty) {
    super(name, k, skipEmpty);
  }

  @Override protected final double value(RankedQuery q) {
    int c = cutoff(q);
    double[] out = q.scratch(c);
    curve(q, c, out);
    return out[c - 1];
  }

  /** Values at k = 1..K into out (length >= K) for a query with a relevant item. */
  protected abstract void curve(RankedQuery q, int K, double[] out);

  /** Values at k = 1..K of this metric's family for the Example's query; NaN everywhere when it is left out. */
  public final void curve(Example e, int K, double[] out) {
    RankedQuery q = e.query;
    if (q.relevant == 0) {
      java.util.Arrays.fill(out, 0, K, emptyValue());
      return;
    }
    curve(q, K, out);
  }

  /** The same metric at another cutoff (the report's curves). */
  public abstract AtK at(int k);

  /** The metric's name and parameters other than k, as a spec: the label of its curve ({@code ndcg:gain=exponential}). */
  public String family() {
    String params = extraKey() + (skipEmpty ? ",empty=skip" : "");
    return params.isEmpty() ? name : name + ":" + params.substring(1);
  }
}
