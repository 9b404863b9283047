package dev.sparkeval.core;

import java.io.Serializable;

/**
 * Evaluation-wide settings that measures may depend on. {@code labelSets}: multilabel label and
 * prediction columns hold arrays of label ids (MLlib's MultilabelClassificationEvaluator layout)
 * instead of 0/1 vectors and scores. {@code grouped}: ranking rows are one (query, item) each and
 * are grouped by query before they fold (the long layout); otherwise a ranking row is one query
 * (MLlib's array layout). {@code ignoreIndex} (null: off) is the label value of classification
 * rows left out of every loss and metric (PyTorch's -100 padding); multilabel leaves out single
 * label elements of that value.
 */
public record EvalOptions(Task task, boolean logits, double threshold, double[] classWeights,
                          boolean weighted, boolean labelSets, boolean grouped, Integer ignoreIndex) implements Serializable {

  /** Options whose rows fold one by one (every task but ranking's long layout), without an ignore index. */
  public EvalOptions(Task task, boolean logits, double threshold, double[] classWeights, boolean weighted,
                     boolean labelSets) {
    this(task, logits, threshold, classWeights, weighted, labelSets, false, null);
  }

  /** Options without label sets or an ignore index. */
  public EvalOptions(Task task, boolean logits, double threshold, double[] classWeights, boolean weighted) {
    this(task, logits, threshold, classWeights, weighted, false, false, null);
  }

  public static EvalOptions of(Task task) {
    return new EvalOptions(task, false, 0.5, null, false);
  }

  /** Whether classification rows (or multilabel elements) of a label value are ignored. */
  public boolean ignoring() {
    return ignoreIndex != null;
  }
}
