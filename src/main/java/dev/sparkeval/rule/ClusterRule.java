package dev.sparkeval.rule;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowRule;

/** Clustering rows: a feature vector of the partition's dimension and a whole-number cluster id. */
public final class ClusterRule {
  private ClusterRule() {}

  public static final RowRule RULE = ClusterRule::check;

  static RowRule.Bad check(Example e) {
    double[] x = e.features;
    if (x == null) return new RowRule.Bad("null_features", "features is missing");
    if (x.length == 0) return new RowRule.Bad("empty_vector", "features is an empty vector; points need at least one entry");
    if (e.dimension < 0) e.dimension = x.length;
    else if (x.length != e.dimension) {
      return new RowRule.Bad("dimension_mismatch", "features has " + x.length + " entries but the first row of this partition has "
          + e.dimension + "; every point must have the same dimension");
    }
    if (e.prediction != Math.rint(e.prediction) || Math.abs(e.prediction) > 0x1p53) {
      return new RowRule.Bad("cluster_not_integer", "prediction (the cluster id) is " + e.prediction
          + "; cluster ids are whole numbers (as KMeans writes them)");
    }
    return null;
  }
}
