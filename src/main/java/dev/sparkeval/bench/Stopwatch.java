package dev.sparkeval.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median wall time of repeated runs after warm-ups. */
final class Stopwatch {
  private Stopwatch() {}

  record Timing(double median, List<Double> runs) {}

  static Timing time(int warmups, int reps, Runnable r) {
    return interleaved(warmups, reps, r)[0];
  }

  /**
   * Runs the jobs in turn (a, b, a, b, ...) so that a ratio of their medians compares runs made
   * under the same conditions (a slow minute of the machine slows both, not one).
   */
  static Timing[] interleaved(int warmups, int reps, Runnable... jobs) {
    for (int i = 0; i < warmups; i++) for (Runnable r : jobs) r.run();
    List<List<Double>> runs = new ArrayList<>();
    for (Runnable r : jobs) runs.add(new ArrayList<>());
    for (int i = 0; i < reps; i++) {
      for (int j = 0; j < jobs.length; j++) {
        long t0 = System.nanoTime();
        jobs[j].run();
        runs.get(j).add((System.nanoTime() - t0) / 1e9);
      }
    }
    Timing[] out = new Timing[jobs.length];
    for (int j = 0; j < jobs.length; j++) out[j] = timing(runs.get(j));
    return out;
  }

  private static Timing timing(List<Double> runs) {
    List<Double> sorted = new ArrayList<>(runs);
    Collections.sort(sorted);
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Timing(median, runs);
  }
}
