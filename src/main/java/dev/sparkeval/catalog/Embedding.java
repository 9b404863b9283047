package dev.sparkeval.catalog;

import static dev.sparkeval.core.Entry.loss;
import static dev.sparkeval.core.Entry.metric;

import dev.sparkeval.core.Direction;
import dev.sparkeval.core.Entry;
import dev.sparkeval.core.Param;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.Task;
import dev.sparkeval.loss.Cosine;
import dev.sparkeval.loss.CosineEmbedding;
import dev.sparkeval.loss.Triplet;
import dev.sparkeval.measure.VectorMean;
import java.util.List;
import java.util.Set;

/** Losses and metrics between embedding vectors: label vs prediction, or anchor/positive/negative triplets. */
public final class Embedding {
  private static final Set<Task> EMB = Set.of(Task.EMBEDDING);

  private Embedding() {}

  public static List<Entry> entries() {
    return List.of(
        loss("cosine", EMB, "mean of 1 - cos(label, prediction), cos as torch cosine_similarity (eps 1e-8)",
            (t, p, o) -> new VectorMean(Cosine.loss())),
        loss("cosine_embedding", EMB, "torch.nn.CosineEmbeddingLoss of label and prediction with --target +1/-1: "
                + "1 - cos for +1, max(0, cos - margin) for -1",
            (t, p, o) -> new VectorMean(new CosineEmbedding(p.dbl("margin", -1, false, 1, false))),
            new Param("margin", "0", "for dissimilar pairs; in [-1, 1]")).reads(Role.LABEL, Role.PREDICTION, Role.TARGET),
        loss("triplet", EMB, "torch.nn.TripletMarginLoss of --anchor, --positive, --negative: "
                + "max(d(a,p) - d(a,n) + margin, 0), d = ||x - y + 1e-6||_p",
            (t, p, o) -> new VectorMean(new Triplet(p.dbl("margin", 0, false, Double.POSITIVE_INFINITY, true),
                p.dbl("p", 1, false, Double.POSITIVE_INFINITY, true), p.bool("swap"))),
            new Param("margin", "1", ">= 0"),
            new Param("p", "2", "the norm degree of the distance; >= 1"),
            new Param("swap", "false", "use min(d(a,n), d(p,n)) as the negative distance (distance swap)"))
            .reads(Role.ANCHOR, Role.POSITIVE, Role.NEGATIVE),
        metric("cosine_similarity", EMB, "mean of cos(label, prediction), as torch cosine_similarity (eps 1e-8)",
            Direction.LARGER, (t, p, o) -> new VectorMean(Cosine.similarity())));
  }
}
