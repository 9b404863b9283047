package dev.sparkeval.metric;

import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import java.util.Map;

/** Column shapes, option checks and row rules of the vector tasks: distribution, embedding, segmentation. */
final class VectorTasks {
  private VectorTasks() {}

  static boolean handles(Task t) {
    return t == Task.DISTRIBUTION || t == Task.EMBEDDING || t == Task.SEGMENTATION;
  }

  static void validate(EvalOptions o) {
    if (o.classWeights() != null && (o.task() == Task.EMBEDDING || o.task() == Task.SEGMENTATION)) {
      throw new UsageException("--class-weights does not apply to task " + o.task().id()
          + "; it is for classification and for cross_entropy on distributions");
    }
  }

  static void shapes(Task t, Map<Role, Role.Shape> m) {
    for (Role r : new Role[] {Role.ANCHOR, Role.POSITIVE, Role.NEGATIVE}) m.put(r, Role.Shape.VECTOR);
    if (t == Task.DISTRIBUTION || t == Task.EMBEDDING) {
      m.put(Role.LABEL, Role.Shape.VECTOR);
      m.put(Role.PREDICTION, Role.Shape.VECTOR);
    }
  }

  static RowRule rule(EvalOptions o) {
    return switch (o.task()) {
      case DISTRIBUTION -> new DistributionRule(o.logits(), o.classWeights());
      case EMBEDDING -> VectorTasks::embedding;
      case SEGMENTATION -> VectorTasks::segmentation;
      default -> throw new IllegalArgumentException(o.task().id());
    };
  }

  private static RowRule.Bad embedding(Example e) {
    RowRule.Bad bad = VectorChecks.lengths(e);
    if (bad != null) return bad;
    if (!Double.isNaN(e.target) && e.target != 1 && e.target != -1) {
      return new RowRule.Bad("bad_target", "target is " + e.target + "; cosine_embedding targets must be 1 or -1");
    }
    return null;
  }

  private static RowRule.Bad segmentation(Example e) {
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
