package dev.sparkeval.measure;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Value;
import dev.sparkeval.rank.QueryAuc;
import dev.sparkeval.rank.QueryMetric;
import dev.sparkeval.state.DefinedMeanStat;
import dev.sparkeval.state.QueryCountStat;
import java.util.ArrayList;
import java.util.List;

/**
 * The (query-weighted) mean of a per-query ranking metric over the queries it counts. A value
 * averaged over fewer queries than were evaluated carries a note saying how many were left out.
 */
public final class QueryMeanMeasure implements Measure {
  private final QueryMetric metric;
  private final DefinedMeanStat mean;
  private final QueryCountStat counts = new QueryCountStat();

  public QueryMeanMeasure(QueryMetric metric) {
    this.metric = metric;
    this.mean = new DefinedMeanStat(metric);
  }

  public QueryMetric metric() {
    return metric;
  }

  @Override public List<Stat> needs() {
    return List.of(mean, counts);
  }

  @Override public Value finish(StatSet stats) {
    DefinedMeanStat m = stats.get(mean);
    QueryCountStat c = stats.get(counts);
    if (c.queries() == 0) return Value.undefined("no queries");
    if (m.count() == 0) return Value.undefined("no query has a value (" + why(c, m) + ")");
    if (m.weight().value() == 0) return Value.undefined("the sum of the query weights is 0");
    return Value.of(Exact.ratio(m.sum(), m.weight())).withNote(note(c, m));
  }

  private String why(QueryCountStat c, DefinedMeanStat m) {
    if (metric instanceof QueryAuc && c.withoutRelevant() + c.allRelevant() < m.leftOut()) {
      return "auc_roc needs every item of a query with its score: the long layout, --query";
    }
    return m.leftOut() + " queries left out: " + reasons(c);
  }

  /** Says when the mean runs over fewer queries than were evaluated (the count of empty ones is in the ranking block). */
  private String note(QueryCountStat c, DefinedMeanStat m) {
    return m.leftOut() == 0 ? null : m.leftOut() + " of " + c.queries() + " queries left out (" + reasons(c) + ")";
  }

  private String reasons(QueryCountStat c) {
    List<String> r = new ArrayList<>();
    if (metric.skipsEmpty() && c.withoutRelevant() > 0) r.add(c.withoutRelevant() + " without a relevant item, empty=skip");
    if (metric instanceof QueryAuc && c.allRelevant() > 0) r.add(c.allRelevant() + " without an irrelevant item");
    return String.join(", ", r);
  }
}
