package dev.sparkeval.report;

import java.util.List;

/**
 * The change of a value against its baseline and a 95% interval of it. With an interval in this
 * run only, the baseline is taken as fixed: [low - b, high - b]. With intervals in both runs, the
 * two are combined as independent estimates by MOVER (Zou and Donner 2008, "Construction of
 * confidence limits about effect measures"): low = d - sqrt((v - low_v)^2 + (high_b - b)^2),
 * high = d + sqrt((high_v - v)^2 + (b - low_b)^2), d = v - b. Two runs over the same rows are not
 * independent, so for them this interval is wider than a paired one would be (conservative).
 */
final class BaselineChange {
  static final String FIXED = "bootstrap interval of this run, baseline value taken as fixed";
  static final String MOVER = "bootstrap intervals of both runs combined as independent (MOVER)";
  static final String MIXED = MOVER + " where the baseline has an interval; elsewhere " + FIXED;

  private BaselineChange() {}

  /** The interval of v - b, or null without an interval for v. */
  static List<Double> interval(double v, List<Double> iv, double b, List<Double> ib) {
    if (!usable(iv)) return null;
    double d = v - b;
    if (!usable(ib)) return List.of(iv.get(0) - b, iv.get(1) - b);
    double lo = d - Math.hypot(v - iv.get(0), ib.get(1) - b);
    double hi = d + Math.hypot(iv.get(1) - v, b - ib.get(0));
    return List.of(lo, hi);
  }

  static boolean usable(List<Double> iv) {
    return iv != null && iv.size() == 2 && iv.get(0) != null && iv.get(1) != null;
  }

  /** How a block's intervals were made, from how many of its n used the baseline's interval. */
  static String method(int withBaseline, int n) {
    return withBaseline == n ? MOVER : withBaseline == 0 ? FIXED : MIXED;
  }

  /** The interval excludes zero. */
  static boolean significant(List<Double> interval) {
    return interval.get(0) > 0 || interval.get(1) < 0;
  }
}
