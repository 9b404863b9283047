package dev.sparkeval.catalog;

import static dev.sparkeval.core.Entry.metric;

import dev.sparkeval.core.Direction;
import dev.sparkeval.core.Entry;
import dev.sparkeval.core.Param;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.Task;
import dev.sparkeval.measure.SilhouetteMeasure;
import java.util.List;
import java.util.Set;

/** Clustering metrics over --features vectors and --prediction cluster ids (MLlib's ClusteringEvaluator). */
public final class Clustering {
  private static final Set<Task> CLUSTER = Set.of(Task.CLUSTERING);

  private Clustering() {}

  public static List<Entry> entries() {
    return List.of(
        metric("silhouette", CLUSTER, "mean silhouette (b - a) / max(a, b) over points, a the mean distance to the own "
                + "cluster, b to the nearest other (sklearn silhouette_score; weighted as MLlib's ClusteringEvaluator); "
                + "two passes over the table",
            Direction.LARGER, (t, p, o) -> new SilhouetteMeasure(
                p.choice("distance", List.of("squared_euclidean", "squaredeuclidean", "cosine")).equals("cosine")),
            new Param("distance", "squared_euclidean", "squared_euclidean (MLlib's default, sklearn metric='sqeuclidean') "
                + "or cosine (1 - cos; a zero vector is at distance 1 from every other point, as sklearn)"))
            .reads(Role.FEATURES, Role.PREDICTION)
            .refusesTraining(Untrainable.EVALUATION_ONLY, null));
  }
}
