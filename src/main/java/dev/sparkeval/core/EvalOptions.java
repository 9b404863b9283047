package dev.sparkeval.core;

import java.io.Serializable;

/**
 * Evaluation-wide settings that measures may depend on. {@code labelSets}: multilabel label and
 * prediction columns hold arrays of label ids (MLlib's MultilabelClassificationEvaluator layout)
 * instead of 0/1 vectors and scores.
 */
public record EvalOptions(Task task, boolean logits, double threshold, double[] classWeights,
                          boolean weighted, boolean labelSets) implements Serializable {

  public EvalOptions(Task task, boolean logits, double threshold, double[] classWeights, boolean weighted) {
    this(task, logits, threshold, classWeights, weighted, false);
  }

  public static EvalOptions of(Task task) {
    return new EvalOptions(task, false, 0.5, null, false);
  }
}
