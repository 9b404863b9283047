package dev.sparkeval.state;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RankedQuery;
import dev.sparkeval.core.Stat;

/** Counts of a ranking evaluation: queries, items ranked, queries without a relevant item, and (long layout) with no other. */
public final class QueryCountStat extends Stat {
  private static final long serialVersionUID = 1L;
  public static final String KEY = "query_counts";
  private long queries;
  private long items;
  private long withoutRelevant;
  private long allRelevant;

  @Override public String key() { return KEY; }

  @Override public Stat fresh() { return new QueryCountStat(); }

  @Override public void add(Example e) {
    RankedQuery q = e.query;
    queries++;
    items += q.n;
    if (q.relevant == 0) withoutRelevant++;
    if (q.graded && q.relevant == q.n) allRelevant++;
  }

  @Override public void merge(Stat other) {
    QueryCountStat o = same(other, QueryCountStat.class);
    queries += o.queries;
    items += o.items;
    withoutRelevant += o.withoutRelevant;
    allRelevant += o.allRelevant;
  }

  public long queries() { return queries; }

  public long items() { return items; }

  public long withoutRelevant() { return withoutRelevant; }

  /** Queries whose every item is relevant (counted on the long layout only, where every item is ranked). */
  public long allRelevant() { return allRelevant; }
}
