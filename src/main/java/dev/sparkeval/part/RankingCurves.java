package dev.sparkeval.part;

import dev.sparkeval.core.Catalog;
import dev.sparkeval.core.Exact;
import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.ReportPart;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.measure.QueryMeanMeasure;
import dev.sparkeval.rank.AtK;
import dev.sparkeval.state.CurveStat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The curves of the report block {@code ranking}: every requested metric with a cutoff (ndcg,
 * map:k, precision, recall, hit_rate) at k = 1..K, K the largest k asked for it, as
 * {@code at_k: {"ndcg": [value at 1, value at 2, ...]}}. Folded once, overall.
 */
public final class RankingCurves implements ReportPart {
  public static final String KEY = "ranking_at_k";
  private final CurveStat stat;

  private RankingCurves(List<AtK> families) {
    this.stat = new CurveStat(families);
  }

  /** The curves of these metrics, or null when none has a cutoff. */
  public static RankingCurves of(List<Catalog.Resolved> metrics) {
    Map<String, AtK> largest = new LinkedHashMap<>();
    for (Catalog.Resolved r : metrics) {
      if (!(r.measure() instanceof QueryMeanMeasure m) || !(m.metric() instanceof AtK a) || a.k() == 0) continue;
      largest.merge(a.family(), a, (x, y) -> x.k() >= y.k() ? x : y);
    }
    return largest.isEmpty() ? null : new RankingCurves(new ArrayList<>(largest.values()));
  }

  @Override public String key() { return KEY; }

  @Override public List<Stat> needs() { return List.of(stat); }

  @Override public boolean overallOnly() { return true; }

  /** Family label to its values at k = 1..K (null where no query has a value). */
  @Override public Map<String, List<Double>> finish(StatSet stats) {
    CurveStat c = stats.get(stat);
    Map<String, List<Double>> out = new LinkedHashMap<>();
    for (int f = 0; f < c.families().size(); f++) {
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < c.families().get(f).k(); i++) {
        ExactSum w = c.weight(f, i);
        values.add(w.value() == 0 ? null : Exact.ratio(c.sum(f, i), w));
      }
      out.put(c.families().get(f).family(), values);
    }
    return out;
  }
}
