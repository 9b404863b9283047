package dev.sparkeval.testkit;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random valid rows per task for the law kit. Every task that has catalogue entries must have a
 * generator here; the law kit fails for a task without one.
 */
public final class Generators {
  private Generators() {}

  public static boolean supports(Task t) {
    return t == Task.REGRESSION || t.isClassification() || VectorGenerators.supports(t) || t == Task.RANKING
        || t == Task.CLUSTERING;
  }

  public static List<Example> rows(Task t, Random r, int n, boolean weighted) {
    return rows(t, r, n, weighted, RowRule.NONE);
  }

  /**
   * Rows that pass the plan's checks: a regression row outside a measure's domain (msle's values
   * > -1, a deviance's positive values) gets |value| + 0.5 instead, so those measures see most of
   * the same data, heavy tails included.
   */
  public static List<Example> rows(Task t, Random r, int n, boolean weighted, RowRule rule) {
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Example e = switch (t) {
        case REGRESSION -> regression(r);
        case BINARY -> binary(r);
        case MULTICLASS -> multiclass(r);
        case MULTILABEL -> multilabel(r);
        case DISTRIBUTION, EMBEDDING, SEGMENTATION -> VectorGenerators.row(t, r);
        case RANKING -> QueryGenerators.arrays(r);
        case CLUSTERING -> QueryGenerators.point(r);
        default -> throw new IllegalArgumentException("no row generator for task " + t.id());
      };
      e.weight = weighted ? (r.nextInt(5) == 0 ? 0.0 : r.nextDouble() * 3) : 1.0;
      if (t == Task.REGRESSION && rule.check(e) != null) {
        e.label = Math.abs(e.label) + 0.5;
        e.prediction = Math.abs(e.prediction) + 0.5;
      }
      out.add(e);
    }
    return out;
  }

  static Example regression(Random r) {
    Example e = new Example();
    e.label = r.nextInt(10) == 0 ? r.nextGaussian() * 1e6 : 100 + r.nextGaussian() * 10;
    e.prediction = e.label + r.nextGaussian() * (r.nextBoolean() ? 0.1 : 30);
    return e;
  }

  /** Probabilities on a coarse grid (ties across rows), labels correlated with them. */
  static Example binary(Random r) {
    Example e = new Example();
    e.prediction = Math.round(r.nextDouble() * 40) / 40.0;
    e.label = r.nextDouble() < 0.2 + 0.6 * e.prediction ? 1 : 0;
    return e;
  }

  static final int CLASSES = 4;

  static Example multiclass(Random r) {
    Example e = new Example();
    e.label = r.nextInt(CLASSES);
    double[] p = new double[CLASSES];
    double s = 0;
    for (int c = 0; c < CLASSES; c++) {
      p[c] = 1 + r.nextInt(8) + (c == e.label ? 4 : 0);
      s += p[c];
    }
    for (int c = 0; c < CLASSES; c++) p[c] /= s;
    e.predictionVec = p;
    return e;
  }

  static Example multilabel(Random r) {
    Example e = new Example();
    e.labelVec = new double[CLASSES];
    e.predictionVec = new double[CLASSES];
    for (int l = 0; l < CLASSES; l++) {
      e.labelVec[l] = r.nextDouble() < 0.3 + 0.1 * l ? 1 : 0;
      e.predictionVec[l] = Math.round((0.3 * e.labelVec[l] + 0.7 * r.nextDouble()) * 20) / 20.0;
    }
    return e;
  }
}
