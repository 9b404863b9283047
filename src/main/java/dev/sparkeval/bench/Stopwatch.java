package dev.sparkeval.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;

/** Median wall time (and, given a CPU counter, median executor CPU time) of repeated runs after warm-ups. */
final class Stopwatch {
  private Stopwatch() {}

  /** Medians and single runs, in seconds; the CPU ones are empty without a CPU counter. */
  record Timing(double median, List<Double> runs, double cpuMedian, List<Double> cpuRuns) {}

  /**
   * Runs the jobs in turn (a, b, a, b, ...) so that a ratio of their medians compares runs made
   * under the same conditions (a slow minute of the machine slows both, not one). cpu, when
   * given, counts executor CPU nanoseconds; it is read after each run.
   */
  static Timing[] interleaved(int warmups, int reps, LongSupplier cpu, Runnable... jobs) {
    for (int i = 0; i < warmups; i++) for (Runnable r : jobs) r.run();
    List<List<Double>> runs = new ArrayList<>(), cpus = new ArrayList<>();
    for (Runnable r : jobs) {
      runs.add(new ArrayList<>());
      cpus.add(new ArrayList<>());
    }
    for (int i = 0; i < reps; i++) {
      for (int j = 0; j < jobs.length; j++) {
        long c0 = cpu == null ? 0 : cpu.getAsLong();
        long t0 = System.nanoTime();
        jobs[j].run();
        runs.get(j).add((System.nanoTime() - t0) / 1e9);
        if (cpu != null) cpus.get(j).add((cpu.getAsLong() - c0) / 1e9);
      }
    }
    Timing[] out = new Timing[jobs.length];
    for (int j = 0; j < jobs.length; j++) {
      out[j] = new Timing(median(runs.get(j)), runs.get(j), cpu == null ? Double.NaN : median(cpus.get(j)), cpus.get(j));
    }
    return out;
  }

  static double median(List<Double> runs) {
    List<Double> sorted = new ArrayList<>(runs);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
