package dev.sparkeval.spark.eval;

import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.state.Centroids;
import dev.sparkeval.state.SilhouetteStat;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * The silhouette's second pass. The first pass left exact sums per cluster, overall and per slice;
 * here they become {@link Centroids} (a few numbers per cluster, shipped with the job), and every
 * point's silhouette is taken against the whole table's clusters and against its slice's. Each
 * partition returns exact sums of weight x silhouette (per cluster for the overall ones), which
 * complete the states. Nothing else is collected.
 */
public final class SilhouetteJob {
  private SilhouetteJob() {}

  /** True when the plan has a silhouette to complete. */
  public static boolean needed(StatSet prototype) {
    return prototype.stats().stream().anyMatch(s -> s instanceof SilhouetteStat);
  }

  /** Completes the silhouette states of the overall set and of every slice (set 0 is the overall one). */
  public static void complete(Dataset<Row> projected, RowReader reader, RowRule rule, StatSet overall,
                              Map<List<String>, StatSet> slices) {
    List<StatSet> sets = new ArrayList<>(List.of(overall));
    Map<List<String>, Integer> index = new HashMap<>();
    for (Map.Entry<List<String>, StatSet> e : slices.entrySet()) {
      index.put(e.getKey(), sets.size());
      sets.add(e.getValue());
    }
    List<SilhouetteStat> protos = new ArrayList<>();
    for (Stat s : overall.stats()) if (s instanceof SilhouetteStat st) protos.add(st);
    Centroids[][] tables = new Centroids[sets.size()][protos.size()];
    for (int i = 0; i < sets.size(); i++) {
      for (int r = 0; r < protos.size(); r++) tables[i][r] = sets.get(i).get(protos.get(r)).centroids();
    }
    boolean[] cosine = new boolean[protos.size()];
    for (int r = 0; r < cosine.length; r++) cosine[r] = protos.get(r).cosine();
    boolean sliced = !slices.isEmpty();
    JavaRDD<Sums> parts = projected.queryExecution().toRdd().toJavaRDD().mapPartitions(it -> {
      Sums sums = new Sums(tables.length, cosine.length);
      Example e = new Example();
      double[] buffer = null;
      while (it.hasNext()) {
        InternalRow row = it.next();
        e.weight = 1.0;
        RowRule.Bad bad = reader.read(row, e);
        if (bad == null) bad = rule.check(e);
        if (bad != null) continue; // left out as in the first pass (a failing run never gets here)
        if (buffer == null || buffer.length != e.features.length) buffer = new double[e.features.length];
        int set = sliced ? index.get(reader.sliceKey(row)) : 0;
        long id = (long) e.prediction;
        for (int r = 0; r < cosine.length; r++) {
          double[] x = SilhouetteStat.point(e.features, cosine[r], buffer);
          sums.add(0, r, id, e.weight, tables[0][r].silhouette(x, e.weight, id));
          if (set != 0) sums.add(set, r, id, e.weight, tables[set][r].silhouette(x, e.weight, id));
        }
      }
      return List.of(sums).iterator();
    });
    Sums all = parts.reduce(Sums::merge);
    for (int i = 0; i < sets.size(); i++) {
      for (int r = 0; r < protos.size(); r++) {
        ExactSum t = all.total[i][r] == null ? new ExactSum() : all.total[i][r];
        Map<Long, ExactSum> by = i == 0 && all.byCluster[r] != null ? all.byCluster[r] : Map.of();
        sets.get(i).get(protos.get(r)).complete(t, by);
      }
    }
  }

  /** One partition's exact sums of weight x silhouette: per set and silhouette, and per cluster overall. */
  static final class Sums implements Serializable {
    private static final long serialVersionUID = 1L;
    final ExactSum[][] total;
    final Map<Long, ExactSum>[] byCluster;

    @SuppressWarnings("unchecked")
    Sums(int sets, int stats) {
      total = new ExactSum[sets][stats];
      byCluster = new Map[stats];
    }

    void add(int set, int r, long id, double w, double s) {
      if (Double.isNaN(s)) return; // a point of weight 0 in a cluster of weight 0
      if (total[set][r] == null) total[set][r] = new ExactSum();
      total[set][r].addProduct(w, s);
      if (set == 0) {
        if (byCluster[r] == null) byCluster[r] = new TreeMap<>();
        byCluster[r].computeIfAbsent(id, k -> new ExactSum()).addProduct(w, s);
      }
    }

    Sums merge(Sums o) {
      for (int i = 0; i < total.length; i++) {
        for (int r = 0; r < total[i].length; r++) {
          if (o.total[i][r] == null) continue;
          if (total[i][r] == null) total[i][r] = o.total[i][r];
          else total[i][r].merge(o.total[i][r]);
        }
      }
      for (int r = 0; r < byCluster.length; r++) {
        if (o.byCluster[r] == null) continue;
        Map<Long, ExactSum> mine = byCluster[r];
        if (mine == null) byCluster[r] = o.byCluster[r];
        else o.byCluster[r].forEach((k, v) -> mine.computeIfAbsent(k, x -> new ExactSum()).merge(v));
      }
      return this;
    }
  }
}
