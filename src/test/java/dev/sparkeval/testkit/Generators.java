package dev.sparkeval.testkit;

import dev.sparkeval.core.Example;
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
    return t == Task.REGRESSION || VectorGenerators.supports(t);
  }

  public static List<Example> rows(Task t, Random r, int n, boolean weighted) {
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Example e = switch (t) {
        case REGRESSION -> regression(r);
        case DISTRIBUTION, EMBEDDING, SEGMENTATION -> VectorGenerators.row(t, r);
        default -> throw new IllegalArgumentException("no row generator for task " + t.id());
      };
      e.weight = weighted ? (r.nextInt(5) == 0 ? 0.0 : r.nextDouble() * 3) : 1.0;
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
}
