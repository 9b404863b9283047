package dev.sparkeval.train;

import dev.sparkeval.core.Task;
import java.util.List;

/** The classification objectives under gradient check, with and without their options, built as train builds them. */
final class LogitObjectivesTestSupport {
  private LogitObjectivesTestSupport() {}

  static List<Objective> objectives(Task task, int classes) {
    if (task == Task.BINARY) {
      ModelSpec logistic = ModelSpec.parse("logistic");
      return List.of(
          Objectives.resolve("bce", logistic, task, null),
          Objectives.resolve("bce:pos_weight=2.5", logistic, task, null),
          Objectives.resolve("focal:alpha=0.25,gamma=2", logistic, task, null),
          Objectives.resolve("focal:alpha=-1,gamma=0", logistic, task, null),
          Objectives.resolve("focal:alpha=0.6,gamma=1.5", logistic, task, null));
    }
    if (task == Task.MULTICLASS) {
      ModelSpec softmax = ModelSpec.parse("softmax");
      double[] w = new double[classes];
      for (int i = 0; i < classes; i++) w[i] = 0.5 + i;
      return List.of(
          Objectives.resolve("cross_entropy", softmax, task, null),
          Objectives.resolve("cross_entropy:label_smoothing=0.1", softmax, task, w),
          Objectives.resolve("cross_entropy:label_smoothing=0.2,base=2", softmax, task, null),
          Objectives.resolve("focal:gamma=2", softmax, task, null),
          Objectives.resolve("focal:gamma=0.5", softmax, task, w));
    }
    return List.of();
  }
}
