package dev.sparkeval.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median wall time of repeated runs after warm-ups. */
final class Stopwatch {
  private Stopwatch() {}

  record Timing(double median, List<Double> runs) {}

  static Timing time(int warmups, int reps, Runnable r) {
    for (int i = 0; i < warmups; i++) r.run();
    List<Double> runs = new ArrayList<>();
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      r.run();
      runs.add((System.nanoTime() - t0) / 1e9);
    }
    List<Double> sorted = new ArrayList<>(runs);
    Collections.sort(sorted);
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Timing(median, runs);
  }
}
