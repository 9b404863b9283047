package dev.sparkeval.measure;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.ExactSum;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Value;
import dev.sparkeval.state.SilhouetteStat;
import java.util.List;

/**
 * The mean silhouette: sum(w s) / sum(w) over every point (s = 0 for a point alone in its
 * cluster), with the squared Euclidean or the cosine distance (sklearn silhouette_score; with
 * weights, MLlib's ClusteringEvaluator). Defined for 2 to n - 1 clusters, as scikit-learn.
 */
public final class SilhouetteMeasure implements Measure {
  private final SilhouetteStat stat;

  public SilhouetteMeasure(boolean cosine) {
    this.stat = new SilhouetteStat(cosine);
  }

  public SilhouetteStat stat() {
    return stat;
  }

  @Override public List<Stat> needs() {
    return List.of(stat);
  }

  @Override public Value finish(StatSet stats) {
    SilhouetteStat s = stats.get(stat);
    int clusters = s.centroids().size();
    long points = s.positivePoints();
    if (points == 0) return Value.undefined("no point has a positive weight");
    if (clusters < 2) return Value.undefined("needs at least 2 clusters, got " + clusters);
    if (clusters >= points) {
      return Value.undefined("needs fewer clusters than points (2 to n - 1, as scikit-learn), got " + clusters
          + " clusters for " + points + " points");
    }
    if (!s.completed()) return Value.undefined("the silhouette needs a second pass over the table, which this path does not run");
    ExactSum w = s.weight();
    return Value.of(Exact.ratio(s.total(), w));
  }
}
