package dev.sparkeval.part;

import dev.sparkeval.core.Catalog;
import dev.sparkeval.core.Exact;
import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.ReportPart;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.measure.SilhouetteMeasure;
import dev.sparkeval.state.SilhouetteStat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report block {@code clusters}, overall: every cluster's points, weight and mean silhouette
 * for each requested silhouette (what scikit-learn's silhouette_samples would give averaged per
 * cluster). Read from the silhouette states themselves, after their second pass.
 */
public final class ClusterFigures implements ReportPart {
  public static final String KEY = "clusters";
  private final Map<String, SilhouetteStat> specs;

  private ClusterFigures(Map<String, SilhouetteStat> specs) {
    this.specs = specs;
  }

  /** The block of these metrics' silhouettes, or null when none is asked for. */
  public static ClusterFigures of(List<Catalog.Resolved> metrics) {
    Map<String, SilhouetteStat> specs = new LinkedHashMap<>();
    for (Catalog.Resolved r : metrics) if (r.measure() instanceof SilhouetteMeasure m) specs.put(r.spec().text(), m.stat());
    return specs.isEmpty() ? null : new ClusterFigures(specs);
  }

  /** One cluster: its id, points, weight, and mean silhouette by spec (null when not computed). */
  public record Cluster(long cluster, long points, double weight, Map<String, Double> silhouette) {}

  @Override public String key() { return KEY; }

  @Override public List<Stat> needs() { return new ArrayList<>(specs.values()); }

  @Override public boolean overallOnly() { return true; }

  @Override public List<Cluster> finish(StatSet stats) {
    SilhouetteStat first = stats.get(specs.values().iterator().next());
    Map<Long, ExactSum> weights = first.clusterWeights();
    Map<Long, Long> counts = first.clusterCounts();
    List<Cluster> out = new ArrayList<>();
    for (Map.Entry<Long, ExactSum> w : weights.entrySet()) {
      Map<String, Double> s = new LinkedHashMap<>();
      for (Map.Entry<String, SilhouetteStat> e : specs.entrySet()) {
        SilhouetteStat st = stats.get(e.getValue());
        ExactSum sum = st.byCluster() == null ? null : st.byCluster().get(w.getKey());
        s.put(e.getKey(), sum == null || w.getValue().value() == 0 ? null : Exact.ratio(sum, w.getValue()));
      }
      out.add(new Cluster(w.getKey(), counts.get(w.getKey()), w.getValue().value(), s));
    }
    return out;
  }
}
