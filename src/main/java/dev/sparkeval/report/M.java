package dev.sparkeval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed reads from a report model (maps, lists and numbers, as built in memory or read back from JSON). */
final class M {
  private M() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : null;
  }

  static Double num(Object o) {
    return o instanceof Number n ? n.doubleValue() : null;
  }

  static String text(Object o) {
    return o == null ? null : String.valueOf(o);
  }

  static double[] doubles(Object o) {
    List<Object> l = list(o);
    if (l == null) return new double[0];
    double[] d = new double[l.size()];
    for (int i = 0; i < d.length; i++) {
      Double v = num(l.get(i));
      d[i] = v == null ? Double.NaN : v;
    }
    return d;
  }

  /** Rows of numbers, e.g. [[x, w], ...]. */
  static List<double[]> rows(Object o) {
    List<double[]> out = new ArrayList<>();
    List<Object> l = list(o);
    if (l != null) for (Object r : l) out.add(doubles(r));
    return out;
  }
}
