package dev.sparkeval.perf;

import dev.sparkeval.catalog.Catalogs;
import dev.sparkeval.catalog.Tasks;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Manual probe (not a test): ns per row of the binary suite's states, one thread, no Spark. Args: SET... */
public final class StateProbe {
  public static void main(String[] a) {
    int n = 1_000_000;
    double[] y = new double[n], p = new double[n];
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < n; i++) {
      y[i] = r.nextDouble() < 0.4 ? 1 : 0;
      p[i] = Math.min(1, Math.max(0, 0.5 + (y[i] - 0.5) * 0.4 + r.nextGaussian() * 0.25));
    }
    for (String set : a) {
      List<String> losses = new ArrayList<>(), metrics = new ArrayList<>();
      for (String s : set.split(",")) if (s.startsWith("L:")) losses.add(s.substring(2)); else metrics.add(s);
      EvalOptions o = new EvalOptions(Task.BINARY, false, 0.5, null, false);
      Plan plan = Plan.build(Catalogs.standard(), o, losses, metrics, Tasks.parts(o), Tasks.rule(o));
      System.out.println(plan.prototype().stats().stream().map(x -> x.key()).toList() + " overall " + plan.overallPrototype().stats().stream().map(x -> x.key()).toList());
      double best = 1e9;
      for (int rep = 0; rep < 25; rep++) {
        StatSet s = plan.prototype().fresh(), ov = plan.overallPrototype().fresh();
        Example e = new Example();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          e.label = y[i];
          e.prediction = p[i];
          e.weight = 1.0;
          if (plan.rule().check(e) != null) throw new IllegalStateException();
          s.add(e);
          if (!ov.isEmpty()) ov.add(e);
        }
        best = Math.min(best, (System.nanoTime() - t0) / (double) n);
      }
      System.out.printf("%-50s %6.1f ns/row%n", set, best);
    }
  }
}
