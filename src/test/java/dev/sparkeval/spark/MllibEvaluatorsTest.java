package dev.sparkeval.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparkeval.core.Task;
import dev.sparkeval.testkit.Fixtures;
import dev.sparkeval.testkit.SparkTests;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.ml.evaluation.RankingEvaluator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * MLlib itself as the reference for the metrics it defines: RankingEvaluator on the array-layout
 * fixture rows, ClusteringEvaluator (weighted too) on the clustering fixture rows, both against
 * sparkeval's evaluate path, to 1e-12 relative.
 */
class MllibEvaluatorsTest {
  @Test
  void rankingEvaluatorAgrees() {
    List<String> failures = new ArrayList<>();
    for (Fixtures.Case c : Fixtures.load("ranking")) {
      if (c.option("grouped", false) || c.weighted()) continue;
      Dataset<Row> t = arrays(c);
      String[][] names = {{"meanAveragePrecision", "0", "map"}, {"meanAveragePrecisionAtK", "3", "map:k=3"},
          {"meanAveragePrecisionAtK", "10", "map:k=10"}, {"ndcgAtK", "1", "ndcg:k=1"}, {"ndcgAtK", "5", "ndcg:k=5"},
          {"ndcgAtK", "10", "ndcg:k=10"}, {"precisionAtK", "1", "precision:k=1"}, {"precisionAtK", "12", "precision:k=12"},
          {"recallAtK", "3", "recall:k=3"}, {"recallAtK", "10", "recall:k=10"}};
      List<String> specs = new ArrayList<>();
      for (String[] n : names) specs.add(n[2]);
      Evaluation.Result ours = Evaluation.of(t).task(Task.RANKING).metric(specs.toArray(String[]::new)).run();
      for (String[] n : names) {
        RankingEvaluator ev = new RankingEvaluator().setMetricName(n[0]);
        if (!n[1].equals("0")) ev.setK(Integer.parseInt(n[1]));
        double theirs = ev.evaluate(t);
        if (!Fixtures.close(ours.value(n[2]), theirs, 1e-12)) failures.add(c.name() + " " + n[2] + ": " + ours.value(n[2]) + " vs MLlib " + theirs);
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void clusteringEvaluatorAgrees() {
    List<String> failures = new ArrayList<>();
    for (Fixtures.Case c : Fixtures.load("clustering")) {
      // MLlib expands the squares (||x||^2 - 2 x.s / W + q / W): far from the origin that cancels most digits
      if (c.name().startsWith("far from")) continue;
      Dataset<Row> t = points(c);
      for (String distance : new String[] {"squaredEuclidean", "cosine"}) {
        if (distance.equals("cosine") && c.name().startsWith("zero vectors")) continue; // MLlib divides by a zero norm
        ClusteringEvaluator ev = new ClusteringEvaluator().setDistanceMeasure(distance).setWeightCol("weight");
        double theirs = ev.evaluate(t);
        String spec = distance.equals("cosine") ? "silhouette:distance=cosine" : "silhouette";
        double ours = Evaluation.of(t).task(Task.CLUSTERING).weight("weight").metric(spec).run().value(spec);
        if (!Fixtures.close(ours, theirs, 1e-12)) failures.add(c.name() + " " + spec + ": " + ours + " vs MLlib " + theirs);
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  static Dataset<Row> arrays(Fixtures.Case c) {
    StructType schema = new StructType().add("prediction", DataTypes.createArrayType(DataTypes.DoubleType, false))
        .add("label", DataTypes.createArrayType(DataTypes.DoubleType, false));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < c.rows(); i++) rows.add(RowFactory.create(list(c.columns().get("prediction").get(i)), list(c.columns().get("label").get(i))));
    return SparkTests.spark().createDataFrame(rows, schema);
  }

  static Dataset<Row> points(Fixtures.Case c) {
    StructType schema = new StructType().add("features", SQLDataTypes.VectorType()).add("prediction", DataTypes.DoubleType)
        .add("weight", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < c.rows(); i++) {
      JsonNode f = c.columns().get("features").get(i);
      double[] x = new double[f.size()];
      for (int d = 0; d < x.length; d++) x[d] = f.get(d).asDouble();
      double w = c.weighted() ? c.columns().get("weight").get(i).asDouble() : 1.0;
      rows.add(RowFactory.create(Vectors.dense(x), c.columns().get("prediction").get(i).asDouble(), w));
    }
    return SparkTests.spark().createDataFrame(rows, schema);
  }

  private static List<Double> list(JsonNode a) {
    List<Double> out = new ArrayList<>();
    for (JsonNode v : a) out.add(v.asDouble());
    return out;
  }
}
