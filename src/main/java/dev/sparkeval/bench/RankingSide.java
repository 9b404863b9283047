package dev.sparkeval.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.evaluation.RankingEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * MLlib's side of the ranking bench, as a user writes it: one groupBy with collect_list builds
 * each query's array of item ids sorted by score and its array of relevant ids (cached, since
 * every metric is another pass over it), then one RankingEvaluator call per metric.
 */
final class RankingSide {
  private RankingSide() {}

  /** MLlib's metric names with k, and the sparkeval spec of each. */
  static final String[][] METRICS = {{"meanAveragePrecision", "0", "map"}, {"meanAveragePrecisionAtK", "10", "map:k=10"},
      {"ndcgAtK", "10", "ndcg:k=10"}, {"precisionAtK", "10", "precision:k=10"}, {"recallAtK", "10", "recall:k=10"}};

  /** The arrays RankingEvaluator takes, from a long table (query, item, score, grade). */
  static Dataset<Row> arrays(Dataset<Row> t) {
    return t.groupBy("query").agg(
        functions.expr("transform(array_sort(collect_list(struct(-score AS s, CAST(item AS DOUBLE) AS item))), x -> x.item)")
            .alias("prediction"),
        functions.expr("collect_list(CASE WHEN grade > 0 THEN CAST(item AS DOUBLE) END)").alias("label"));
  }

  /** Every metric over arrays, one evaluator call each. */
  static Map<String, Double> evaluate(Dataset<Row> arrays) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String[] m : METRICS) {
      RankingEvaluator ev = new RankingEvaluator().setMetricName(m[0]);
      if (!m[1].equals("0")) ev.setK(Integer.parseInt(m[1]));
      out.put(m[2], ev.evaluate(arrays));
    }
    return out;
  }

  /** From the long table: the arrays built and cached once, then every metric. */
  static Map<String, Double> fromLong(Dataset<Row> t) {
    Dataset<Row> a = arrays(t).cache();
    try {
      a.count();
      return evaluate(a);
    } finally {
      a.unpersist(true);
    }
  }
}
