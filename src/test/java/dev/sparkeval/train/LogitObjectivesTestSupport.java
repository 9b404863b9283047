package dev.sparkeval.train;

import dev.sparkeval.core.Params;
import dev.sparkeval.core.Task;
import java.util.List;
import java.util.Map;

/** The classification objectives under gradient check, with and without their options. */
final class LogitObjectivesTestSupport {
  private LogitObjectivesTestSupport() {}

  static Params p(String name, Map<String, String> v) {
    return new Params(name, v);
  }

  static List<Objective> objectives(Task task, int classes) {
    if (task == Task.BINARY) {
      return List.of(
          LogitObjectives.create("bce", p("bce", Map.of("pos_weight", "1")), task, null),
          LogitObjectives.create("bce", p("bce", Map.of("pos_weight", "2.5")), task, null),
          LogitObjectives.create("focal", p("focal", Map.of("alpha", "0.25", "gamma", "2")), task, null),
          LogitObjectives.create("focal", p("focal", Map.of("alpha", "-1", "gamma", "0")), task, null),
          LogitObjectives.create("focal", p("focal", Map.of("alpha", "0.6", "gamma", "1.5")), task, null));
    }
    if (task == Task.MULTICLASS) {
      double[] w = new double[classes];
      for (int i = 0; i < classes; i++) w[i] = 0.5 + i;
      Map<String, String> ce = Map.of("label_smoothing", "0", "ignore_index", "-100", "base", "e");
      return List.of(
          LogitObjectives.create("cross_entropy", p("cross_entropy", ce), task, null),
          LogitObjectives.create("cross_entropy", p("cross_entropy", Map.of("label_smoothing", "0.1", "ignore_index", "-100",
              "base", "e")), task, w),
          LogitObjectives.create("cross_entropy", p("cross_entropy", Map.of("label_smoothing", "0.2", "ignore_index", "-100",
              "base", "2")), task, null),
          LogitObjectives.create("focal", p("focal", Map.of("gamma", "2")), task, null),
          LogitObjectives.create("focal", p("focal", Map.of("gamma", "0.5")), task, w));
    }
    return List.of();
  }
}
