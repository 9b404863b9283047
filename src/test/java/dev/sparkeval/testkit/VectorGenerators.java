package dev.sparkeval.testkit;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.Task;
import java.util.Random;

/** Random valid rows of the vector tasks for the law kit: one dimension per task, awkward values included. */
public final class VectorGenerators {
  static final int CLASSES = 6;
  static final int DIM = 12;
  static final int PIXELS = 40;

  private VectorGenerators() {}

  public static boolean supports(Task t) {
    return t == Task.DISTRIBUTION || t == Task.EMBEDDING || t == Task.SEGMENTATION;
  }

  public static Example row(Task t, Random r) {
    return switch (t) {
      case DISTRIBUTION -> distribution(r);
      case EMBEDDING -> embedding(r);
      case SEGMENTATION -> segmentation(r);
      default -> throw new IllegalArgumentException(t.id());
    };
  }

  /** Target with some zero entries; prediction strictly positive, mixed with the target. */
  static Example distribution(Random r) {
    Example e = new Example();
    e.labelVec = simplex(r, r.nextInt(3) == 0);
    double[] q = simplex(r, false);
    for (int i = 0; i < CLASSES; i++) q[i] = 0.5 * q[i] + 0.5 * e.labelVec[i] + 1e-3;
    e.predictionVec = normalise(q);
    return e;
  }

  static double[] simplex(Random r, boolean zeros) {
    double[] p = new double[CLASSES];
    for (int i = 0; i < CLASSES; i++) p[i] = zeros && r.nextBoolean() ? 0 : -Math.log(1 - r.nextDouble());
    p[r.nextInt(CLASSES)] += 0.1;
    return normalise(p);
  }

  static double[] normalise(double[] p) {
    double s = 0;
    for (double v : p) s += v;
    for (int i = 0; i < p.length; i++) p[i] /= s;
    return p;
  }

  /** Label/prediction pairs of varied scale (a zero vector now and then), a target, and a triplet. */
  static Example embedding(Random r) {
    Example e = new Example();
    double scale = r.nextInt(10) == 0 ? 1e-9 : Math.pow(10, r.nextInt(5) - 2);
    e.labelVec = gaussian(r, scale, r.nextInt(20) == 0 ? 0 : 1);
    e.predictionVec = gaussian(r, scale, 1);
    for (int i = 0; i < DIM; i++) e.predictionVec[i] += e.labelVec[i];
    e.target = r.nextBoolean() ? 1 : -1;
    e.anchor = gaussian(r, 1, 1);
    e.positive = gaussian(r, 0.5, 1);
    e.negative = gaussian(r, 0.8, 1);
    for (int i = 0; i < DIM; i++) {
      e.positive[i] += e.anchor[i];
      e.negative[i] += e.anchor[i];
    }
    return e;
  }

  static double[] gaussian(Random r, double scale, double on) {
    double[] v = new double[DIM];
    for (int i = 0; i < DIM; i++) v[i] = on * scale * r.nextGaussian();
    return v;
  }

  /** A 0/1 mask (empty now and then) and probabilities near it. */
  static Example segmentation(Random r) {
    Example e = new Example();
    e.labelVec = new double[PIXELS];
    e.predictionVec = new double[PIXELS];
    boolean empty = r.nextInt(8) == 0;
    int start = r.nextInt(PIXELS), len = 1 + r.nextInt(PIXELS / 2);
    for (int i = 0; i < PIXELS; i++) {
      e.labelVec[i] = !empty && i >= start && i < start + len ? 1 : 0;
      e.predictionVec[i] = Math.min(1, Math.max(0, 0.7 * e.labelVec[i] + 0.15 + 0.25 * r.nextGaussian()));
    }
    return e;
  }
}
