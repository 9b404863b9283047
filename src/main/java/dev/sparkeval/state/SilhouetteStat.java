package dev.sparkeval.state;

import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The silhouette's state, in two passes. The first folds exact sums per cluster ({@link ClusterSums});
 * a second pass over the table ({@code spark/eval/SilhouetteJob}, or {@link #completeWith} in plain
 * Java) takes every point's silhouette against the finished {@link Centroids} and completes the
 * state with the exact sum of weight x silhouette, in all and per cluster.
 */
public final class SilhouetteStat extends Stat {
  private static final long serialVersionUID = 1L;
  private final boolean cosine;
  private int dim = -1;
  private final TreeMap<Long, ClusterSums> clusters = new TreeMap<>();
  private ExactSum total;
  private Map<Long, ExactSum> byCluster;
  private transient double[] buffer;

  public SilhouetteStat(boolean cosine) {
    this.cosine = cosine;
  }

  @Override public String key() { return "silhouette:" + (cosine ? "cosine" : "squared_euclidean"); }

  @Override public Stat fresh() { return new SilhouetteStat(cosine); }

  /** Filled by a second pass, so not in the bootstrap's. */
  @Override public boolean needsSortJob() { return true; }

  @Override public void add(Example e) {
    double[] x = e.features;
    if (dim < 0) dim = x.length;
    else if (x.length != dim) throw mismatch(dim, x.length);
    if (buffer == null || buffer.length != dim) buffer = new double[dim];
    long id = (long) e.prediction;
    clusters.computeIfAbsent(id, k -> new ClusterSums(dim)).add(point(x, cosine, buffer), e.weight);
  }

  @Override public void merge(Stat other) {
    SilhouetteStat o = same(other, SilhouetteStat.class);
    if (o.dim >= 0 && dim >= 0 && o.dim != dim) throw mismatch(dim, o.dim);
    if (dim < 0) dim = o.dim;
    for (Map.Entry<Long, ClusterSums> e : o.clusters.entrySet()) { // copied, never shared: the other state lives on
      clusters.computeIfAbsent(e.getKey(), k -> new ClusterSums(dim)).merge(e.getValue());
    }
    if (o.total != null) { // completed halves (plain-Java tests complete parts before merging)
      if (total == null) {
        total = new ExactSum();
        byCluster = new TreeMap<>();
      }
      total.merge(o.total);
      o.byCluster.forEach((k, v) -> byCluster.computeIfAbsent(k, x -> new ExactSum()).merge(v));
    }
  }

  /** The vector the distances use: x itself, or for the cosine distance x / ||x|| (null for a zero vector). */
  public static double[] point(double[] x, boolean cosine, double[] buffer) {
    if (!cosine) return x;
    double s = 0;
    for (double v : x) s += v * v;
    if (s == 0) return null;
    double norm = Math.sqrt(s);
    for (int d = 0; d < x.length; d++) buffer[d] = x[d] / norm;
    return buffer;
  }

  public boolean cosine() { return cosine; }

  /** The clusters of the first pass, finished. */
  public Centroids centroids() {
    List<Centroids.Cluster> out = new ArrayList<>();
    clusters.forEach((id, s) -> out.add(s.finish(id)));
    return new Centroids(cosine, out);
  }

  /** Completes the state with the second pass's exact sums of weight x silhouette, in all and by cluster. */
  public void complete(ExactSum total, Map<Long, ExactSum> byCluster) {
    this.total = total;
    this.byCluster = new TreeMap<>(byCluster);
  }

  /** The second pass in plain Java, over these points against these centroids (tests, and the law kit). */
  public void completeWith(Iterable<Example> points, Centroids c) {
    ExactSum t = new ExactSum();
    Map<Long, ExactSum> by = new TreeMap<>();
    double[] buf = new double[Math.max(dim, 0)];
    for (Example e : points) {
      double s = c.silhouette(point(e.features, cosine, buf), e.weight, (long) e.prediction);
      if (Double.isNaN(s)) continue;
      t.addProduct(e.weight, s);
      by.computeIfAbsent((long) e.prediction, k -> new ExactSum()).addProduct(e.weight, s);
    }
    complete(t, by);
  }

  public boolean completed() { return total != null; }

  /** The exact weight of every point folded in. */
  public ExactSum weight() {
    ExactSum w = new ExactSum();
    for (ClusterSums c : clusters.values()) w.merge(c.weight);
    return w;
  }

  /** The exact weight and the point count of each cluster, by id. */
  public Map<Long, ExactSum> clusterWeights() {
    Map<Long, ExactSum> out = new TreeMap<>();
    clusters.forEach((id, c) -> out.put(id, c.weight));
    return out;
  }

  public Map<Long, Long> clusterCounts() {
    Map<Long, Long> out = new TreeMap<>();
    clusters.forEach((id, c) -> out.put(id, c.count));
    return out;
  }

  /** Points with a positive weight. */
  public long positivePoints() {
    long n = 0;
    for (ClusterSums c : clusters.values()) n += c.positive;
    return n;
  }

  /** The exact sum of weight x silhouette over the points (null before the second pass). */
  public ExactSum total() { return total; }

  public Map<Long, ExactSum> byCluster() { return byCluster; }

  private static UsageException mismatch(int a, int b) {
    return new UsageException("the features mix vectors of " + a + " and " + b
        + " entries (in different partitions); every point must have the same dimension");
  }
}
