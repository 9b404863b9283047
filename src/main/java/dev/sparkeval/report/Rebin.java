package dev.sparkeval.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the dyadic bins of a report block into at most a given number of display bins over the
 * central range of the data (0.5% to 99.5% of the weight), counting what falls outside.
 */
final class Rebin {
  private Rebin() {}

  /** Display bins: lower edges lo + i * width, with their weights; outside: weight beyond the range. */
  record Bins(double lo, double width, double[] weight, double outside) {}

  /** The central range [lo, hi) of weighted points {value, weight}, snapped to multiples of width. */
  static double[] range(List<double[]> points, double width) {
    double total = 0;
    for (double[] p : points) total += p[1];
    double lo = Double.NaN;
    double hi = Double.NaN;
    double cum = 0;
    for (double[] p : sorted(points)) {
      cum += p[1];
      if (Double.isNaN(lo) && cum > 0.005 * total) lo = p[0];
      if (Double.isNaN(hi) && cum >= 0.995 * total) hi = p[0] + width;
    }
    if (Double.isNaN(lo)) return new double[] {0, width};
    if (Double.isNaN(hi)) hi = lo + width;
    return new double[] {lo, hi};
  }

  private static List<double[]> sorted(List<double[]> points) {
    List<double[]> s = new ArrayList<>(points);
    s.sort((a, b) -> Double.compare(a[0], b[0]));
    return s;
  }

  /** A display width: width times the smallest power of two that gives at most max bins over [lo, hi). */
  static double displayWidth(double lo, double hi, double width, int max) {
    double w = width;
    while ((hi - lo) / w > max) w *= 2;
    return w;
  }

  static Bins bins(List<double[]> points, double width, int max) {
    double[] r = range(points, width);
    double w = displayWidth(r[0], r[1], width, max);
    double lo = Math.floor(r[0] / w) * w;
    int n = Math.max(1, (int) Math.ceil((r[1] - lo) / w));
    double[] out = new double[n];
    double outside = 0;
    for (double[] p : points) {
      int i = (int) Math.floor((p[0] - lo) / w);
      if (i < 0 || i >= n) outside += p[1];
      else out[i] += p[1];
    }
    return new Bins(lo, w, out, outside);
  }
}
