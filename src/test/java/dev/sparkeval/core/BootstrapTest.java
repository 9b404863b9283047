package dev.sparkeval.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.testkit.Eval;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** The same-pass Poisson bootstrap: coverage on data with a known answer, and independence from partitioning. */
class BootstrapTest {
  static final int REPLICATES = 200;

  static Plan plan(long seed) {
    return Eval.plan(EvalOptions.of(Task.REGRESSION), List.of("mean_error")).withBootstrap(REPLICATES, seed);
  }

  @SuppressWarnings("unchecked")
  static List<Double> interval(Plan plan, StatSet s) {
    Map<String, Object> iv = (Map<String, Object>) plan.finish(s).parts().get(Bootstrap.KEY);
    return (List<Double>) iv.get("mean_error");
  }

  /** Share of 200 seeded repetitions whose 95% interval of mean(prediction - label) covers the true mean. */
  static double coverage(double truth, int rows, java.util.function.Function<Random, DoubleSupplier> noise) {
    int covered = 0;
    int repetitions = 200;
    for (int rep = 0; rep < repetitions; rep++) {
      Random r = new Random(1000 + rep);
      DoubleSupplier draw = noise.apply(r);
      Plan plan = plan(rep);
      List<Example> data = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        Example e = new Example();
        e.label = 0;
        e.prediction = draw.getAsDouble() + i * 1e-9; // distinct rows: identical rows would share their draws
        data.add(e);
      }
      List<Double> iv = interval(plan, Eval.fold(plan, data));
      if (iv.get(0) <= truth + rows * 0.5e-9 && truth + rows * 0.5e-9 <= iv.get(1)) covered++;
    }
    return (double) covered / repetitions;
  }

  @Test
  void bernoulliRateIntervalCoversTheTruthAbout95PercentOfTheTime() {
    // an accuracy-like quantity: the mean of a 0/1 outcome that is 1 with probability 0.8
    double c = coverage(0.8, 300, r -> () -> r.nextDouble() < 0.8 ? 1 : 0);
    System.out.println("bootstrap coverage, Bernoulli(0.8) rate, 300 rows: " + c);
    assertTrue(c >= 0.90 && c <= 0.99, "coverage " + c);
  }

  @Test
  void gaussianMeanIntervalCoversTheTruthAbout95PercentOfTheTime() {
    double c = coverage(0.3, 200, r -> () -> 0.3 + 2 * r.nextGaussian());
    System.out.println("bootstrap coverage, Gaussian mean, 200 rows: " + c);
    assertTrue(c >= 0.90 && c <= 0.99, "coverage " + c);
  }

  @Test
  void intervalsDoNotDependOnSplitOrOrder() {
    Plan plan = plan(7);
    Random r = new Random(5);
    List<Example> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      Example e = new Example();
      e.label = r.nextGaussian();
      e.prediction = e.label + r.nextGaussian();
      e.weight = r.nextDouble() * 2;
      rows.add(e);
    }
    List<Double> whole = interval(plan, Eval.fold(plan, rows));
    for (int trial = 0; trial < 3; trial++) {
      Collections.shuffle(rows, r);
      StatSet a = Eval.fold(plan, rows.subList(0, 100 + 50 * trial));
      StatSet b = Eval.fold(plan, rows.subList(100 + 50 * trial, rows.size()));
      b.merge(a);
      assertEquals(whole, interval(plan, b));
    }
    assertTrue(whole.get(0) < whole.get(1));
  }

  @Test
  void rowsThatDifferOnlyInTheirVectorsGetDifferentDraws() {
    Example a = new Example();
    a.label = 1;
    a.predictionVec = new double[] {0.2, 0.8};
    Example b = new Example();
    b.label = 1;
    b.predictionVec = new double[] {0.3, 0.7};
    assertNotEquals(Bootstrap.rowHash(a), Bootstrap.rowHash(b), "vector contents must enter the row's draws");
    b.predictionVec = new double[] {0.2, 0.8};
    assertEquals(Bootstrap.rowHash(a), Bootstrap.rowHash(b), "the same row, the same draws");
  }

  @Test
  void seedChangesTheDraws() {
    List<Example> rows = new ArrayList<>();
    Random r = new Random(9);
    for (int i = 0; i < 100; i++) {
      Example e = new Example();
      e.prediction = r.nextGaussian();
      rows.add(e);
    }
    Plan p1 = plan(1);
    Plan p2 = plan(2);
    assertTrue(!interval(p1, Eval.fold(p1, rows)).equals(interval(p2, Eval.fold(p2, rows))));
  }

  @Test
  void poissonDrawsHaveMeanAndVarianceOne() {
    long n = 200_000;
    double sum = 0;
    double sq = 0;
    for (long i = 0; i < n; i++) {
      int k = Bootstrap.poisson1(Bootstrap.mix(i * 0x9E3779B97F4A7C15L));
      sum += k;
      sq += (double) k * k;
    }
    double mean = sum / n;
    assertEquals(1.0, mean, 0.01);
    assertEquals(1.0, sq / n - mean * mean, 0.02);
  }

  @Test
  void percentileInterpolatesLikeNumpy() {
    double[] d = {1, 2, 3, 4, 10};
    assertEquals(1.1, Bootstrap.percentile(d, 0.025), 1e-12); // numpy.percentile([1,2,3,4,10], 2.5)
    assertEquals(9.4, Bootstrap.percentile(d, 0.975), 1e-12);
  }
}
