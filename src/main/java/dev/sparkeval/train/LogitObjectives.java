package dev.sparkeval.train;

import dev.sparkeval.core.Params;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;

/** Classification objectives on logits (wired to the classification loss classes). */
final class LogitObjectives {
  private LogitObjectives() {}

  static Objective create(String name, Params p, Task task, double[] classWeights) {
    throw new UsageException("--loss " + name + " for task " + task.id() + " is not available in this build");
  }
}
