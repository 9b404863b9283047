package dev.sparkeval.spark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.core.UsageException;
import dev.sparkeval.testkit.Fixtures;
import dev.sparkeval.testkit.SparkTests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.evaluation.RankingEvaluator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SparkevalEvaluator in place of MLlib's RankingEvaluator and ClusteringEvaluator: the same
 * metricName, k and distanceMeasure give MLlib's values, and a CrossValidator over KMeans picks
 * the same model and averages the same metrics with either evaluator.
 */
class MllibGroupedDropInTest {
  @TempDir static Path dir;

  static Dataset<Row> arrays() {
    Random r = new Random(4);
    StructType schema = new StructType().add("prediction", DataTypes.createArrayType(DataTypes.DoubleType, false))
        .add("label", DataTypes.createArrayType(DataTypes.DoubleType, false));
    List<Row> rows = new ArrayList<>();
    for (int q = 0; q < 300; q++) {
      List<Double> ranked = new ArrayList<>();
      List<Double> relevant = new ArrayList<>();
      for (int i = 0; i < 25; i++) if (r.nextInt(3) == 0) ranked.add((double) i);
      java.util.Collections.shuffle(ranked, r);
      for (int i = 0; i < 25; i++) if (r.nextInt(6) == 0) relevant.add((double) i);
      rows.add(RowFactory.create(ranked, relevant));
    }
    return SparkTests.spark().createDataFrame(rows, schema);
  }

  static Dataset<Row> points() {
    Random r = new Random(5);
    StructType schema = new StructType().add("features", SQLDataTypes.VectorType());
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int c = r.nextInt(3);
      rows.add(RowFactory.create(Vectors.dense(c * 4 + r.nextGaussian(), (c == 1 ? 3 : 0) + r.nextGaussian())));
    }
    return SparkTests.spark().createDataFrame(rows, schema);
  }

  @Test
  void rankingNamesMeanWhatMllibMeans() {
    Dataset<Row> t = arrays().cache();
    for (String name : new String[] {"meanAveragePrecision", "meanAveragePrecisionAtK", "precisionAtK", "ndcgAtK", "recallAtK"}) {
      for (int k : new int[] {1, 5, 10}) {
        double mllib = new RankingEvaluator().setMetricName(name).setK(k).evaluate(t);
        assertTrue(mllib > 0 && mllib < 1, name + "@" + k + ": the fixture gives MLlib a value strictly inside (0, 1): " + mllib);
        SparkevalEvaluator ours = new SparkevalEvaluator().setMetricName(name).setK(k);
        assertTrue(Fixtures.close(ours.evaluate(t), mllib, 1e-12), name + "@" + k + ": " + ours.evaluate(t) + " vs " + mllib);
        assertEquals(new RankingEvaluator().setMetricName(name).isLargerBetter(), ours.isLargerBetter(), name);
      }
    }
  }

  @Test
  void kmeansCrossValidationIsAOneLineChange() throws Exception {
    Dataset<Row> t = points().cache();
    KMeans kmeans = new KMeans().setSeed(3);
    ParamMap[] grid = new ParamGridBuilder().addGrid(kmeans.k(), new int[] {2, 3, 4}).build();
    for (String distance : new String[] {"squaredEuclidean", "cosine"}) {
      Evaluator mllib = new ClusteringEvaluator().setDistanceMeasure(distance);
      Evaluator ours = new SparkevalEvaluator().setMetricName("silhouette").setDistanceMeasure(distance);
      CrossValidatorModel a = new CrossValidator().setEstimator(kmeans).setEvaluator(mllib).setEstimatorParamMaps(grid)
          .setNumFolds(2).setSeed(9).fit(t);
      CrossValidatorModel b = new CrossValidator().setEstimator(kmeans).setEvaluator(ours).setEstimatorParamMaps(grid)
          .setNumFolds(2).setSeed(9).fit(t);
      assertArrayEquals(a.avgMetrics(), b.avgMetrics(), 1e-12, distance);
      assertTrue(a.avgMetrics()[0] != a.avgMetrics()[1] && a.avgMetrics()[1] != a.avgMetrics()[2],
          distance + ": the grid points differ, so the choice is real: " + java.util.Arrays.toString(a.avgMetrics()));
      assertEquals(((org.apache.spark.ml.clustering.KMeansModel) a.bestModel()).getK(),
          ((org.apache.spark.ml.clustering.KMeansModel) b.bestModel()).getK(), distance);
    }
    SparkevalEvaluator saved = new SparkevalEvaluator().setMetricName("silhouette").setDistanceMeasure("cosine");
    saved.write().overwrite().save(dir.resolve("ev").toString());
    SparkevalEvaluator loaded = SparkevalEvaluator.load(dir.resolve("ev").toString());
    assertEquals("cosine", loaded.getDistanceMeasure());
    assertEquals("silhouette", loaded.getMetricName());
  }

  /** ClusteringEvaluator's weightCol: the weighted silhouette with either distance. */
  @Test
  void weightedSilhouetteIsMllibs() {
    Random r = new Random(6);
    List<Row> rows = new ArrayList<>();
    for (Row p : points().collectAsList()) {
      org.apache.spark.ml.linalg.Vector v = p.getAs(0);
      rows.add(RowFactory.create(v, (double) (v.apply(0) > 2 ? (v.apply(0) > 6 ? 2 : 1) : 0), 0.5 + r.nextInt(4)));
    }
    StructType schema = new StructType().add("features", SQLDataTypes.VectorType()).add("prediction", DataTypes.DoubleType)
        .add("w", DataTypes.DoubleType);
    Dataset<Row> t = SparkTests.spark().createDataFrame(rows, schema).cache();
    for (String distance : new String[] {"squaredEuclidean", "cosine"}) {
      double mllib = new ClusteringEvaluator().setDistanceMeasure(distance).setWeightCol("w").evaluate(t);
      double ours = new SparkevalEvaluator().setMetricName("silhouette").setDistanceMeasure(distance).setWeightCol("w").evaluate(t);
      double unweighted = new ClusteringEvaluator().setDistanceMeasure(distance).evaluate(t);
      assertTrue(mllib != unweighted, distance + ": the weights change MLlib's value, so they are tested");
      assertTrue(Fixtures.close(ours, mllib, 1e-12), distance + ": " + ours + " vs " + mllib);
    }
  }

  @Test
  void badNamesSayWhatIsRight() {
    UsageException e = assertThrows(UsageException.class, () -> new SparkevalEvaluator().setMetricName("ndcgAtk").evaluate(arrays()));
    assertTrue(e.getMessage().contains("unknown metricName 'ndcgAtk' (did you mean 'ndcgAtK'?)"), e.getMessage());
    e = assertThrows(UsageException.class,
        () -> new SparkevalEvaluator().setMetricName("silhouette").setDistanceMeasure("manhattan").evaluate(points()));
    assertEquals("distanceMeasure must be squaredEuclidean or cosine (ClusteringEvaluator's), got 'manhattan'", e.getMessage());
    e = assertThrows(UsageException.class, () -> new SparkevalEvaluator().setMetricName("ndcgAtK").setK(0).evaluate(arrays()));
    assertEquals("k must be a positive integer (RankingEvaluator's cutoff), got 0", e.getMessage());
    e = assertThrows(UsageException.class, () -> new SparkevalEvaluator().setTask("binary").setMetricName("ndcgAtK").evaluate(arrays()));
    assertTrue(e.getMessage().contains("metricName 'ndcgAtK' is not a metric of MLlib's evaluator for task binary; it is for ranking"),
        e.getMessage());
    e = assertThrows(UsageException.class, () -> new SparkevalEvaluator().setMetric("map").setMetricName("ndcgAtK").evaluate(arrays()));
    assertTrue(e.getMessage().contains("not both"), e.getMessage());
  }
}
