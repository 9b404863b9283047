package dev.sparkeval.catalog;

import static dev.sparkeval.core.Entry.metric;

import dev.sparkeval.core.Direction;
import dev.sparkeval.core.Entry;
import dev.sparkeval.core.Task;
import dev.sparkeval.measure.LabelRanks;
import dev.sparkeval.measure.MeanMeasure;
import java.util.List;
import java.util.Set;

/** scikit-learn's multilabel ranking metrics: each row's labels ranked by its own scores, weighted means over rows. */
final class LabelRanking {
  private static final Set<Task> ML = Set.of(Task.MULTILABEL);

  private LabelRanking() {}

  static List<Entry> entries() {
    return List.of(
        metric("coverage_error", ML, "how many top-scored labels it takes to cover all true labels, on average"
            + " (sklearn coverage_error; 0 for a row without one)", Direction.SMALLER,
            (t, p, o) -> new MeanMeasure(LabelRanks.coverage())).refusesTraining(Untrainable.RANK, "bce"),
        metric("label_ranking_loss", ML, "fraction of (true, false) label pairs ranked wrongly or tied, per row"
            + " (sklearn label_ranking_loss)", Direction.SMALLER,
            (t, p, o) -> new MeanMeasure(LabelRanks.rankingLoss())).refusesTraining(Untrainable.RANK, "bce"),
        metric("lrap", ML, "label ranking average precision (sklearn label_ranking_average_precision_score)",
            Direction.LARGER, (t, p, o) -> new MeanMeasure(LabelRanks.lrap())).refusesTraining(Untrainable.RANK, "bce"));
  }
}
