package dev.sparkeval.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The headline numbers: every loss and metric with its interval and, when undefined, why. */
final class Headline {
  private Headline() {}

  static List<Map<String, Object>> of(Report r) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String kind : List.of("losses", "metrics")) {
      Map<String, Double> vals = kind.equals("losses") ? r.losses() : r.metrics();
      if (vals == null) continue;
      for (Map.Entry<String, Double> e : vals.entrySet()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", kind.equals("losses") ? "loss" : "metric");
        row.put("name", e.getKey());
        row.put("value", Fmt.num(e.getValue()));
        row.put("interval", interval(r.intervals() == null ? null : r.intervals().get(e.getKey())));
        row.put("better", Better.of(e.getKey(), r.task()).better());
        row.put("base", BaselineView.of(r.baseline(), e.getKey(), e.getValue(), Better.of(e.getKey(), r.task())));
        row.put("why", r.undefined() == null ? null : r.undefined().get(e.getKey()));
        out.add(row);
      }
    }
    return out;
  }

  /** "[low, high]" or null. */
  static String interval(List<Double> iv) {
    if (iv == null || iv.size() != 2 || iv.get(0) == null) return null;
    return "[" + Fmt.num(iv.get(0)) + ", " + Fmt.num(iv.get(1)) + "]";
  }
}
