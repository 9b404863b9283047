package dev.sparkeval.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The headline numbers: every loss and metric with its interval and, when undefined, why. */
final class Headline {
  private Headline() {}

  static List<Map<String, Object>> of(Map<String, Object> model) {
    List<Map<String, Object>> out = new ArrayList<>();
    Map<String, Object> intervals = M.map(model.get("intervals"));
    Map<String, Object> undefined = M.map(model.get("undefined"));
    String task = M.text(model.get("task"));
    for (String kind : List.of("losses", "metrics")) {
      Map<String, Object> vals = M.map(model.get(kind));
      if (vals == null) continue;
      for (Map.Entry<String, Object> e : vals.entrySet()) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kind", kind.equals("losses") ? "loss" : "metric");
        r.put("name", e.getKey());
        r.put("value", Fmt.num(M.num(e.getValue())));
        r.put("interval", interval(intervals == null ? null : M.list(intervals.get(e.getKey()))));
        r.put("better", Better.of(e.getKey(), task).better());
        r.put("why", undefined == null ? null : M.text(undefined.get(e.getKey())));
        out.add(r);
      }
    }
    return out;
  }

  /** "[low, high]" or null. */
  static String interval(List<Object> iv) {
    if (iv == null || iv.size() != 2 || iv.get(0) == null) return null;
    return "[" + Fmt.num(M.num(iv.get(0))) + ", " + Fmt.num(M.num(iv.get(1))) + "]";
  }
}
