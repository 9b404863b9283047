package dev.sparkeval.rank;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RankedQuery;
import dev.sparkeval.core.RowFunction;

/**
 * A per-query ranking metric at a cutoff k (0: the whole ranking), as a row function of the
 * Example's query. A query without a relevant item has no ranking quality to measure: it counts
 * 0 ({@code empty=zero}, MLlib's RankingMetrics and TorchMetrics' default) or is left out of the
 * mean ({@code empty=skip}); {@link #apply} returns NaN for a query that is left out.
 */
public abstract class QueryMetric implements RowFunction {
  private static final long serialVersionUID = 1L;
  protected final String name;
  protected final int k;
  protected final boolean skipEmpty;

  protected QueryMetric(String name, int k, boolean skipEmpty) {
    this.name = name;
    this.k = k;
    this.skipEmpty = skipEmpty;
  }

  @Override public String key() {
    return name + ":k=" + k + ",empty=" + (skipEmpty ? "skip" : "zero") + extraKey();
  }

  /** Further parameters in the key (ndcg's gain). */
  protected String extraKey() {
    return "";
  }

  @Override public double apply(Example e) {
    RankedQuery q = e.query;
    if (q == null) throw new IllegalStateException("a ranking metric got a row without its query (the row rule builds it)");
    if (q.relevant == 0) return emptyValue();
    return value(q);
  }

  /** The value of a query that has no relevant item: 0, or NaN to leave it out. */
  protected final double emptyValue() {
    return skipEmpty ? Double.NaN : 0.0;
  }

  /** The value of a query with at least one relevant item. */
  protected abstract double value(RankedQuery q);

  /** The cutoff this metric uses on a query: k, or the whole ranking. */
  protected final int cutoff(RankedQuery q) {
    return k > 0 ? k : Math.max(1, q.n);
  }

  public int k() {
    return k;
  }

  public boolean skipsEmpty() {
    return skipEmpty;
  }
}
