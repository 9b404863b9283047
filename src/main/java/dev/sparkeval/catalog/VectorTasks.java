package dev.sparkeval.catalog;

import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.InvalidSetting;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.Task;
import dev.sparkeval.rule.DistributionRule;
import dev.sparkeval.rule.VectorRules;
import java.util.Map;

/** Column shapes, option checks and the choice of row rule of the vector tasks: distribution, embedding, segmentation. */
final class VectorTasks {
  private VectorTasks() {}

  static boolean handles(Task t) {
    return t == Task.DISTRIBUTION || t == Task.EMBEDDING || t == Task.SEGMENTATION;
  }

  static void validate(EvalOptions o) {
    if (o.classWeights() != null && (o.task() == Task.EMBEDDING || o.task() == Task.SEGMENTATION)) {
      throw new InvalidSetting("classWeights", "does not apply to task " + o.task().id()
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
      case EMBEDDING -> VectorRules::embedding;
      case SEGMENTATION -> VectorRules::segmentation;
      default -> throw new IllegalArgumentException(o.task().id());
    };
  }
}
