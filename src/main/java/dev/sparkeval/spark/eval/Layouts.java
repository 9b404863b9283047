package dev.sparkeval.spark.eval;

import dev.sparkeval.core.Catalog;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;

/**
 * Ranking's two layouts, checked against the bound columns before the pass: with --query a row is
 * one item (a score and a grade); without it a row is one query, MLlib's arrays of ranked and of
 * relevant item ids.
 */
public final class Layouts {
  private Layouts() {}

  public static void check(Plan plan, Binding b) {
    if (plan.task() != Task.RANKING) return;
    RowReader.Kind label = b.kind(Role.LABEL);
    RowReader.Kind prediction = b.kind(Role.PREDICTION);
    if (b.query() != null) {
      if (prediction != RowReader.Kind.SCALAR || label != RowReader.Kind.SCALAR) {
        throw new UsageException("with --query each row is one item of a query: --prediction '" + b.columns().get(Role.PREDICTION)
            + "' must be its score and --label '" + b.columns().get(Role.LABEL) + "' its relevance grade, both numbers;"
            + " for MLlib's arrays of item ids (one row per query) leave --query out");
      }
      return;
    }
    if (prediction != RowReader.Kind.ARRAY || label != RowReader.Kind.ARRAY) {
      throw new UsageException("without --query each row is one query (MLlib's RankingEvaluator layout): --prediction '"
          + b.columns().get(Role.PREDICTION) + "' must be an array of the ranked item ids and --label '"
          + b.columns().get(Role.LABEL) + "' an array of the relevant ids; for one row per query and item, give --query COL");
    }
    for (Catalog.Resolved r : plan.metrics()) {
      if (r.entry().name().equals("auc_roc")) {
        throw new UsageException("'" + r.spec().text() + "' ranks every item of a query by its score, which MLlib's arrays"
            + " of ids do not hold; use the long layout (--query COL, one row per query and item with its score)");
      }
    }
  }
}
