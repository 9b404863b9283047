package dev.sparkeval.catalog;

import static dev.sparkeval.core.Direction.LARGER;
import static dev.sparkeval.core.Entry.metric;

import dev.sparkeval.core.Entry;
import dev.sparkeval.core.Param;
import dev.sparkeval.core.Params;
import dev.sparkeval.core.Task;
import dev.sparkeval.measure.QueryMeanMeasure;
import dev.sparkeval.rank.AveragePrecision;
import dev.sparkeval.rank.HitRate;
import dev.sparkeval.rank.Ndcg;
import dev.sparkeval.rank.Precision;
import dev.sparkeval.rank.QueryAuc;
import dev.sparkeval.rank.Recall;
import dev.sparkeval.rank.ReciprocalRank;
import java.util.List;
import java.util.Set;

/**
 * Ranking metrics, each the mean over queries of a per-query value (MLlib's RankingMetrics,
 * scikit-learn's ndcg_score, TorchMetrics' retrieval metrics). Rows are one query each (MLlib's
 * array layout) or one (query, item) each, grouped by query (the long layout, --query).
 */
public final class Ranking {
  private static final Set<Task> RANK = Set.of(Task.RANKING);
  static final int MAX_K = 100_000;
  private static final Param EMPTY_ZERO = new Param("empty", "zero",
      "a query without a relevant item: zero (counts 0, as MLlib and TorchMetrics) or skip (left out of the mean)");

  private Ranking() {}

  static Param k(String dflt, String what) {
    return new Param("k", dflt, what);
  }

  static int cutoff(Params p, boolean zeroAllowed) {
    return p.integer("k", zeroAllowed ? 0 : 1, MAX_K);
  }

  static boolean skip(Params p) {
    return p.choice("empty", List.of("zero", "skip")).equals("skip");
  }

  public static List<Entry> entries() {
    Param atK = k("10", "the cutoff: the first k ranked items, >= 1");
    Param whole = k("0", "the cutoff: the first k ranked items; 0 for the whole ranking");
    return List.of(
        metric("ndcg", RANK, "normalised discounted cumulative gain at k: gain the grade (or 2^grade - 1), discount "
                + "1/log2(position + 1), tied scores' gains averaged (sklearn ndcg_score); array layout: binary relevance "
                + "(MLlib ndcgAt)", LARGER,
            (t, p, o) -> new QueryMeanMeasure(new Ndcg(cutoff(p, false), p.choice("gain", List.of("linear", "exponential"))
                .equals("exponential"), skip(p))),
            atK, new Param("gain", "linear", "linear (the grade, as sklearn) or exponential (2^grade - 1)"), EMPTY_ZERO)
            .refusesTraining(Untrainable.RANK, null),
        metric("map", RANK, "mean average precision: per query the sum of the precision at each relevant item among the "
                + "first k over min(relevant items, k) (MLlib meanAveragePrecision; with k, meanAveragePrecisionAt)", LARGER,
            (t, p, o) -> new QueryMeanMeasure(new AveragePrecision(cutoff(p, true), skip(p))), whole, EMPTY_ZERO)
            .refusesTraining(Untrainable.RANK, null),
        metric("mrr", RANK, "mean reciprocal rank: 1 / the position of the first relevant item, 0 when none is among the "
                + "first k (TorchMetrics RetrievalMRR)", LARGER,
            (t, p, o) -> new QueryMeanMeasure(new ReciprocalRank(cutoff(p, true), skip(p))), whole, EMPTY_ZERO)
            .refusesTraining(Untrainable.RANK, null),
        metric("precision", RANK, "relevant items among the first k, over k (MLlib precisionAt)", LARGER,
            (t, p, o) -> new QueryMeanMeasure(new Precision(cutoff(p, false), skip(p))), atK, EMPTY_ZERO)
            .refusesTraining(Untrainable.RANK, null),
        metric("recall", RANK, "relevant items among the first k, over the query's relevant items (MLlib recallAt)", LARGER,
            (t, p, o) -> new QueryMeanMeasure(new Recall(cutoff(p, false), skip(p))), atK, EMPTY_ZERO)
            .refusesTraining(Untrainable.RANK, null),
        metric("hit_rate", RANK, "share of queries with a relevant item among the first k (TorchMetrics RetrievalHitRate)",
            LARGER, (t, p, o) -> new QueryMeanMeasure(new HitRate(cutoff(p, false), skip(p))), atK, EMPTY_ZERO)
            .refusesTraining(Untrainable.RANK, null),
        metric("auc_roc", RANK, "per-query ROC AUC of the scores against relevance (ties count one half, sklearn "
                + "roc_auc_score), averaged over queries; long layout only; queries with one class only are left out",
            LARGER, (t, p, o) -> new QueryMeanMeasure(new QueryAuc(skip(p))),
            new Param("empty", "skip", "a query without a relevant item: skip (left out, as a query without an irrelevant"
                + " one always is) or zero"))
            .refusesTraining(Untrainable.RANK, null));
  }
}
