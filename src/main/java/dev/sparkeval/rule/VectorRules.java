package dev.sparkeval.rule;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowRule;

/** The row rules of the embedding and segmentation tasks (distribution rows have {@link DistributionRule}). */
public final class VectorRules {
  private VectorRules() {}

  /** Embedding rows: vectors of one length, and a +1/-1 target when one is bound. */
  public static RowRule.Bad embedding(Example e) {
    RowRule.Bad bad = VectorChecks.lengths(e);
    if (bad != null) return bad;
    if (!Double.isNaN(e.target) && e.target != 1 && e.target != -1) {
      return new RowRule.Bad("bad_target", "target is " + e.target + "; cosine_embedding targets must be 1 or -1");
    }
    return null;
  }

  /** Segmentation rows: mask and prediction both vectors of one length or both numbers, every value in [0, 1]. */
  public static RowRule.Bad segmentation(Example e) {
    if ((e.labelVec == null) != (e.predictionVec == null)) {
      return new RowRule.Bad("shape_mismatch", (e.labelVec == null ? "label is a number but prediction a vector"
          : "label is a vector but prediction a number")
          + "; give both as vectors (an image per row) or both as numbers (a pixel per row)");
    }
    if (e.labelVec == null) {
      if (!(e.label >= 0 && e.label <= 1)) return VectorChecks.outOfMask("label", e.label, -1);
      if (!(e.prediction >= 0 && e.prediction <= 1)) return VectorChecks.outOfMask("prediction", e.prediction, -1);
      return null;
    }
    RowRule.Bad bad = VectorChecks.lengths(e);
    if (bad == null) bad = VectorChecks.mask("label", e.labelVec);
    if (bad == null) bad = VectorChecks.mask("prediction", e.predictionVec);
    return bad;
  }
}
