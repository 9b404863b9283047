package dev.sparkeval.catalog;

import static dev.sparkeval.core.Entry.metric;

import dev.sparkeval.core.Direction;
import dev.sparkeval.core.Entry;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Param;
import dev.sparkeval.core.Params;
import dev.sparkeval.core.Task;
import dev.sparkeval.measure.RateMeasure;
import java.util.List;
import java.util.Set;

/**
 * Specificity, false positive rate (TorchMetrics reductions, MLlib's weightedFalsePositiveRate)
 * and the Jaccard index (scikit-learn jaccard_score) of binary, multiclass and multilabel decisions.
 */
final class ClassRates {
  private static final Set<Task> ALL = Set.of(Task.BINARY, Task.MULTICLASS, Task.MULTILABEL);

  private ClassRates() {}

  /** Multilabel auto: macro for specificity and FPR (TorchMetrics' default), micro for jaccard (as precision). */
  static RateMeasure rate(Task t, Params p, EvalOptions o, RateMeasure.Kind kind) {
    String avg = Classification.average(t, p, kind == RateMeasure.Kind.JACCARD ? "micro" : "macro");
    return new RateMeasure(t, kind, avg, Classification.cls(p), Classification.zd(p), o.threshold());
  }

  static List<Entry> entries() {
    Param average = new Param("average", "auto", "binary (class 1), micro, macro or weighted (by support);"
        + " auto: binary / macro (multiclass, multilabel)");
    Param jaccardAverage = new Param("average", "auto", "binary (class 1), micro, macro, weighted, samples (multilabel);"
        + " auto: binary / macro (multiclass) / micro (multilabel)");
    return List.of(
        metric("specificity", ALL, "tn / (tn + fp) per class, one against the rest (TorchMetrics Specificity);"
            + " binary: the recall of class 0",
            Direction.LARGER, (t, p, o) -> rate(t, p, o, RateMeasure.Kind.SPECIFICITY),
            average, Classification.CLASS, Classification.ZERO_DIVISION).refusesTraining(Untrainable.STEP, null),
        metric("fpr", ALL, "false positive rate fp / (fp + tn) per class, one against the rest; weighted is MLlib's"
            + " weightedFalsePositiveRate", Direction.SMALLER, (t, p, o) -> rate(t, p, o, RateMeasure.Kind.FPR),
            average, Classification.CLASS, Classification.ZERO_DIVISION).refusesTraining(Untrainable.STEP, null),
        metric("jaccard", ALL, "Jaccard index tp / (tp + fp + fn) (sklearn jaccard_score); samples: each row's"
            + " |truth and decision| / |truth or decision|",
            Direction.LARGER, (t, p, o) -> rate(t, p, o, RateMeasure.Kind.JACCARD), jaccardAverage, Classification.CLASS,
            Classification.ZERO_DIVISION).refusesTraining(Untrainable.STEP, null));
  }
}
