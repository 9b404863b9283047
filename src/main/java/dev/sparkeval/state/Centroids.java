package dev.sparkeval.state;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The clusters of a finished first pass, each summed up by its weight, mean and scatter: enough
 * for the silhouette of any point in O(clusters x dimension). The total squared distance from x
 * to a cluster's points is W ||x - m||^2 + sum w ||y - m||^2 (W the weight, m the weighted mean),
 * a sum of two non-negative terms, so it keeps its digits where expanding the squares would not.
 * The cosine distance 1 - cos is half the squared distance of the normalised vectors; a zero
 * vector is at distance 1 from every other point, as scikit-learn has it.
 */
public final class Centroids implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * One cluster: points counted and with a positive weight, total weight, the weight of its
   * nonzero vectors, of its zero vectors (cosine), their mean as hi + lo, and their scatter.
   */
  public record Cluster(long id, long count, long positive, double weight, double vectorWeight, double zeroWeight,
                        double[] hi, double[] lo, double scatter) implements Serializable {}

  private final boolean cosine;
  private final Cluster[] clusters;
  private final long[] ids;

  /** The clusters of positive weight, in id order. */
  Centroids(boolean cosine, List<Cluster> all) {
    this.cosine = cosine;
    this.clusters = all.stream().filter(c -> c.weight() > 0).toArray(Cluster[]::new);
    this.ids = Arrays.stream(clusters).mapToLong(Cluster::id).toArray();
  }

  public int size() {
    return clusters.length;
  }

  public List<Cluster> clusters() {
    return List.of(clusters);
  }

  /**
   * The silhouette (b - a) / max(a, b) of a point (its vector as {@link SilhouetteStat#point} gives
   * it) of weight w in cluster id: a its mean distance to the rest of its cluster, b the least mean
   * distance to another cluster; 0 for a point alone in its cluster; NaN when its cluster has no
   * weight (then so has the point) or there is no other cluster.
   */
  public double silhouette(double[] x, double w, long id) {
    int own = Arrays.binarySearch(ids, id);
    if (own < 0 || clusters.length < 2) return Double.NaN;
    Cluster c = clusters[own];
    if (c.positive() - (w > 0 ? 1 : 0) == 0) return 0;
    double self = cosine && x == null ? w : 0; // a zero vector's total counted itself at distance 1
    double a = (total(x, c) - self) / (c.weight() - w);
    double b = Double.POSITIVE_INFINITY;
    for (int j = 0; j < clusters.length; j++) {
      if (j != own) b = Math.min(b, total(x, clusters[j]) / clusters[j].weight());
    }
    double m = Math.max(a, b);
    return m == 0 ? 0 : (b - a) / m;
  }

  /** The weighted sum of the distances from x to every point of the cluster (x's own distance 0 included). */
  private double total(double[] x, Cluster c) {
    if (x == null) return c.weight(); // cosine: a zero vector is at distance 1 from everything
    double d2 = 0;
    double[] hi = c.hi();
    double[] lo = c.lo();
    for (int d = 0; d < x.length; d++) {
      double diff = (x[d] - hi[d]) - lo[d];
      d2 += diff * diff;
    }
    double squared = c.vectorWeight() * d2 + c.scatter();
    return cosine ? squared / 2 + c.zeroWeight() : squared;
  }
}
