package dev.sparkeval.rank;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RankedQuery;

/**
 * A metric with a value at every cutoff: the one value at k is entry k - 1 of the same walk
 * that draws the curve of k = 1..K in the report, so both agree bit for bit.
 */
public abstract class AtK extends QueryMetric {
  private static final long serialVersionUID = 1L;
  private transient String walkKey;

  protected AtK(String name, int k, boolean skipEmpty) {
    super(name, k, skipEmpty);
  }

  @Override protected final double value(RankedQuery q) {
    int c = cutoff(q);
    return walk(q, c)[c - 1];
  }

  /** Values at k = 1..K into out (length >= K) for a query with a relevant item. */
  protected abstract void curve(RankedQuery q, int K, double[] out);

  /**
   * Values at k = 1..K of this metric's family for the Example's query (NaN everywhere when it
   * is left out), in a buffer of the query's that the caller must not change.
   */
  public final double[] curve(Example e, int K) {
    RankedQuery q = e.query;
    if (q.relevant == 0) {
      double[] out = q.scratch(K);
      java.util.Arrays.fill(out, 0, K, emptyValue());
      return out;
    }
    return walk(q, K);
  }

  /** The family's walk to K, once per query: the metrics at k and the report's curve share it. */
  private double[] walk(RankedQuery q, int K) {
    if (walkKey == null) walkKey = walkKey().intern();
    double[] out = q.curve(walkKey, K);
    if (out == null) {
      out = q.newCurve(walkKey, K);
      curve(q, K, out);
    }
    return out;
  }

  /** What identifies this metric's walk: its family (average precision also says whether it has a cutoff). */
  protected String walkKey() {
    return getClass().getName() + ";" + family();
  }

  /** The same metric at another cutoff (the report's curves). */
  public abstract AtK at(int k);

  /** The metric's name and parameters other than k, as a spec: the label of its curve ({@code ndcg:gain=exponential}). */
  public String family() {
    String params = extraKey() + (skipEmpty ? ",empty=skip" : "");
    return params.isEmpty() ? name : name + ":" + params.substring(1);
  }
}
