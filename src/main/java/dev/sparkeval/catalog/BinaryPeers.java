package dev.sparkeval.catalog;

import static dev.sparkeval.core.Direction.LARGER;
import static dev.sparkeval.core.Direction.SMALLER;
import static dev.sparkeval.core.Entry.metric;

import dev.sparkeval.core.Entry;
import dev.sparkeval.core.Task;
import dev.sparkeval.measure.LikelihoodRatioMeasure;
import dev.sparkeval.measure.MarginFunctions;
import dev.sparkeval.measure.MeanMeasure;
import dev.sparkeval.measure.RankWalkMeasure;
import java.util.List;
import java.util.Set;

/**
 * Binary metrics of scikit-learn and TorchMetrics beyond the basic ones (options of the basic
 * entries, such as partial AUC and MLlib's trapezoidal PR area, live with them in {@link Classification}).
 */
public final class BinaryPeers {
  private static final Set<Task> BIN = Set.of(Task.BINARY);

  private BinaryPeers() {}

  public static List<Entry> entries() {
    return List.of(
        metric("hinge", BIN, "mean of max(0, 1 - t d), t = +1/-1 the label, d the margin with --logits, else the probability"
            + " (sklearn hinge_loss)", SMALLER, (t, p, o) -> new MeanMeasure(MarginFunctions.hinge(false, o.logits())))
            .refusesTraining(Untrainable.EVALUATION_ONLY, "bce"),
        metric("squared_hinge", BIN, "mean of max(0, 1 - t d)^2, as hinge (TorchMetrics BinaryHingeLoss squared=True)", SMALLER,
            (t, p, o) -> new MeanMeasure(MarginFunctions.hinge(true, o.logits()))).refusesTraining(Untrainable.EVALUATION_ONLY, "bce"),
        metric("lr_plus", BIN, "positive likelihood ratio tp (tn + fp) / (fp (tp + fn)) of the decisions"
            + " (sklearn class_likelihood_ratios)", LARGER, (t, p, o) -> new LikelihoodRatioMeasure(true, o.threshold()))
            .refusesTraining(Untrainable.STEP, null),
        metric("lr_minus", BIN, "negative likelihood ratio fn (tn + fp) / (tn (tp + fn)) of the decisions"
            + " (sklearn class_likelihood_ratios)", SMALLER, (t, p, o) -> new LikelihoodRatioMeasure(false, o.threshold()))
            .refusesTraining(Untrainable.STEP, null),
        metric("eer", BIN, "equal error rate: (fpr + 1 - tpr) / 2 where |fpr - (1 - tpr)| is least on the exact ROC curve"
            + " (TorchMetrics BinaryEER); one sort job, shared with exact AUC", SMALLER, (t, p, o) -> RankWalkMeasure.eer(o.logits()))
            .refusesTraining(Untrainable.RANK, null));
  }
}
