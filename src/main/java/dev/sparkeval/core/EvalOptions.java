package dev.sparkeval.core;

import java.io.Serializable;

/**
 * Evaluation-wide settings that measures may depend on. {@code ignoreIndex} (null: off) is the
 * label value of classification rows left out of every loss and metric (PyTorch's -100 padding);
 * multilabel leaves out single label elements of that value.
 */
public record EvalOptions(Task task, boolean logits, double threshold, double[] classWeights,
                          boolean weighted, Integer ignoreIndex) implements Serializable {

  /** Options without an ignore index. */
  public EvalOptions(Task task, boolean logits, double threshold, double[] classWeights, boolean weighted) {
    this(task, logits, threshold, classWeights, weighted, null);
  }

  public static EvalOptions of(Task task) {
    return new EvalOptions(task, false, 0.5, null, false);
  }

  /** Whether classification rows (or multilabel elements) of a label value are ignored. */
  public boolean ignoring() {
    return ignoreIndex != null;
  }
}
