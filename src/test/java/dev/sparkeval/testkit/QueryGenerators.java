package dev.sparkeval.testkit;

import dev.sparkeval.core.Example;
import java.util.Random;

/**
 * Random valid rows of the ranking and clustering tasks for the law kit: queries of MLlib's array
 * layout (ranked ids, relevant ids) or of the long layout (grades and tied scores), and points.
 */
public final class QueryGenerators {
  private QueryGenerators() {}

  /** A query of the array layout: up to 15 distinct ranked ids of 30, up to 6 relevant ones (sometimes none). */
  public static Example arrays(Random r) {
    Example e = new Example();
    int n = r.nextInt(16);
    double[] ranked = new double[n];
    boolean[] used = new boolean[30];
    for (int i = 0; i < n; i++) {
      int id;
      do {
        id = r.nextInt(30);
      } while (used[id]);
      used[id] = true;
      ranked[i] = id;
    }
    double[] relevant = new double[r.nextInt(7)];
    for (int i = 0; i < relevant.length; i++) relevant[i] = r.nextInt(30);
    e.predictionVec = ranked;
    e.labelVec = relevant;
    return e;
  }

  /** A query of the long layout: 1 to 12 items, grades 0..3 (often 0), scores on a coarse grid (ties). */
  public static Example graded(Random r) {
    Example e = new Example();
    int n = 1 + r.nextInt(12);
    e.labelVec = new double[n];
    e.predictionVec = new double[n];
    for (int i = 0; i < n; i++) {
      e.labelVec[i] = r.nextInt(10) < 6 ? 0 : 1 + r.nextInt(3);
      e.predictionVec[i] = r.nextInt(6) / 5.0 + 0.05 * e.labelVec[i];
    }
    e.key = r.nextLong() | 1;
    return e;
  }

  /** A point of one of 4 clusters in 3 dimensions (ids 0, 1, 5, 9), zero vectors now and then. */
  public static Example point(Random r) {
    Example e = new Example();
    int[] ids = {0, 1, 5, 9};
    int c = r.nextInt(4);
    e.prediction = ids[c];
    e.features = new double[3];
    if (r.nextInt(40) != 0) for (int d = 0; d < 3; d++) e.features[d] = c * (d + 1) + r.nextGaussian();
    return e;
  }
}
