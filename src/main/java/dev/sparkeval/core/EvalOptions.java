package dev.sparkeval.core;

import java.io.Serializable;

/** Evaluation-wide settings that measures may depend on. */
public record EvalOptions(Task task, boolean logits, double threshold, double[] classWeights,
                          boolean weighted) implements Serializable {

  public static EvalOptions of(Task task) {
    return new EvalOptions(task, false, 0.5, null, false);
  }
}
