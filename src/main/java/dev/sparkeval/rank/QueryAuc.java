package dev.sparkeval.rank;

import dev.sparkeval.core.RankedQuery;

/**
 * ROC AUC of one query's scores against relevance (grade > 0): the share of (relevant,
 * irrelevant) pairs ranked in the right order, a tie counting one half (sklearn roc_auc_score).
 * Counted in half-pairs, so one division makes the value. A query without an irrelevant item
 * has no AUC and is always left out; one without a relevant item follows {@code empty}.
 * Only the long layout ranks every item of a query.
 */
public final class QueryAuc extends QueryMetric {
  private static final long serialVersionUID = 1L;

  public QueryAuc(boolean skipEmpty) {
    super("auc_roc", 0, skipEmpty);
  }

  @Override protected double value(RankedQuery q) {
    if (!q.graded) return Double.NaN;
    long negatives = q.n - q.relevant;
    if (negatives == 0) return Double.NaN;
    long below = negatives;
    long halves = 0;
    for (int g = 0; g < q.groups; g++) {
      long r = q.groupRelevant[g];
      long neg = q.groupSize[g] - r;
      below -= neg;
      halves += r * (2 * below + neg);
    }
    return halves / (2.0 * q.relevant * negatives);
  }
}
