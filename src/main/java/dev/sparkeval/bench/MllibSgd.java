package dev.sparkeval.bench;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.optimization.GradientDescent;
import org.apache.spark.mllib.optimization.LogisticGradient;
import org.apache.spark.mllib.optimization.SimpleUpdater;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/** MLlib's mini-batch gradient descent, called as its documentation shows, on the same training rows. */
final class MllibSgd {
  private MllibSgd() {}

  /** The training set as MLlib wants it: (label, features) pairs, cached. */
  static JavaRDD<Tuple2<Object, Vector>> points(Dataset<Row> table, int features) {
    JavaRDD<Tuple2<Object, Vector>> rdd = table.toJavaRDD().map(r -> {
      double[] x = new double[features];
      for (int j = 0; j < features; j++) x[j] = r.getDouble(r.fieldIndex("f" + j));
      return new Tuple2<>((Object) r.getDouble(r.fieldIndex("label")), Vectors.dense(x));
    });
    rdd.persist(StorageLevel.MEMORY_ONLY());
    rdd.count();
    return rdd;
  }

  /** Runs {@code iterations} steps at the given batch fraction; returns the final weights' length as a sanity value. */
  static int run(JavaRDD<Tuple2<Object, Vector>> points, int features, int iterations, double fraction) {
    Tuple2<Vector, double[]> r = GradientDescent.runMiniBatchSGD(points.rdd(), new LogisticGradient(), new SimpleUpdater(),
        0.5, iterations, 0.0, fraction, Vectors.zeros(features));
    return r._1().size();
  }

  static List<Double> losses(Tuple2<Vector, double[]> r) {
    List<Double> out = new ArrayList<>();
    for (double d : r._2()) out.add(d);
    return out;
  }
}
