package dev.sparkeval.part;

import dev.sparkeval.core.ReportPart;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.state.QueryCountStat;
import java.util.List;

/**
 * The report block {@code ranking} (overall and per slice): queries evaluated, items ranked,
 * queries without a relevant item and, on the long layout, queries whose every item is relevant.
 */
public final class QueryCounts implements ReportPart {
  public static final String KEY = "ranking";
  private static final QueryCountStat PROTO = new QueryCountStat();
  private final boolean grouped;

  public QueryCounts(boolean grouped) {
    this.grouped = grouped;
  }

  /** The block; atK is filled overall by {@link RankingCurves} (null per slice). */
  public record Counts(String layout, long queries, long items, long queriesWithoutRelevant, Long queriesAllRelevant,
                       java.util.Map<String, List<Double>> atK) {
    public Counts withAtK(java.util.Map<String, List<Double>> curves) {
      return new Counts(layout, queries, items, queriesWithoutRelevant, queriesAllRelevant, curves);
    }
  }

  @Override public String key() { return KEY; }

  @Override public List<Stat> needs() { return List.of(PROTO); }

  @Override public Counts finish(StatSet stats) {
    QueryCountStat c = stats.get(PROTO);
    return new Counts(grouped ? "long" : "arrays", c.queries(), c.items(), c.withoutRelevant(),
        grouped ? c.allRelevant() : null, null);
  }
}
