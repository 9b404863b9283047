package dev.sparkeval.report;

import dev.sparkeval.core.Direction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-slice table: slices sorted worst first by one loss or metric, with their sizes, and
 * those much worse than overall flagged: worse by more than 10% of the overall value and, when
 * bootstrap intervals are present, with an interval that excludes the overall value.
 */
final class SliceView {
  static final double MUCH_WORSE = 0.10;

  private SliceView() {}

  static Map<String, Object> of(Map<String, Object> model, String chosen) {
    List<Object> slices = M.list(model.get("slices"));
    if (slices == null || slices.isEmpty()) return null;
    Map<String, Object> overall = values(model);
    String spec = pick(chosen, model, overall);
    if (spec == null) return null;
    Double base = M.num(overall.get(spec));
    Direction direction = Better.of(spec, M.text(model.get("task")));
    List<String> columns = new ArrayList<>(overall.keySet());
    columns.remove(spec); // shown first, with its interval
    List<Map<String, Object>> rows = new ArrayList<>();
    int hidden = 0;
    for (Object o : slices) {
      Map<String, Object> s = M.map(o);
      if (Boolean.TRUE.equals(s.get("below_min_rows"))) {
        hidden++;
        continue;
      }
      Map<String, Object> vals = values(s);
      Double v = M.num(vals.get(spec));
      List<Object> iv = M.list(M.map(s.get("intervals")) == null ? null : M.map(s.get("intervals")).get(spec));
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("name", label(M.map(s.get("slice"))));
      r.put("rows", Fmt.count(M.num(s.get("rows"))));
      r.put("value", Fmt.num(v));
      r.put("interval", Headline.interval(iv));
      List<String> cells = new ArrayList<>();
      for (String c : columns) cells.add(Fmt.num(M.num(vals.get(c))));
      r.put("cells", cells);
      r.put("worse", muchWorse(direction, v, base, iv));
      r.put("sort", v == null ? Double.NEGATIVE_INFINITY : direction.badness(v));
      rows.add(r);
    }
    rows.sort((a, b) -> Double.compare((double) b.get("sort"), (double) a.get("sort")));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("metric", spec);
    view.put("better", direction.better());
    view.put("overall", Fmt.num(base));
    view.put("columns", columns);
    view.put("rows", rows);
    view.put("hidden", hidden);
    view.put("min_rows", model.get("min_slice_rows"));
    view.put("threshold", Fmt.pct(MUCH_WORSE));
    return view;
  }

  static boolean muchWorse(Direction direction, Double v, Double base, List<Object> interval) {
    if (v == null || base == null) return false;
    double gap = direction.badness(v) - direction.badness(base);
    if (!(gap > MUCH_WORSE * Math.abs(base))) return false;
    if (interval == null || interval.size() != 2) return true;
    Double lo = M.num(interval.get(0));
    Double hi = M.num(interval.get(1));
    return lo == null || hi == null || base < lo || base > hi;
  }

  /** The slice metric: as chosen, else the first gate's, else the first metric, else the first loss. */
  static String pick(String chosen, Map<String, Object> model, Map<String, Object> overall) {
    if (chosen != null && overall.containsKey(chosen)) return chosen;
    List<Object> gates = M.list(model.get("gates"));
    if (gates != null) {
      for (Object g : gates) {
        String text = M.text(M.map(g).get("gate"));
        String spec = text == null ? "" : text.split("[<>]=", 2)[0].trim();
        if (overall.containsKey(spec)) return spec;
      }
    }
    Map<String, Object> metrics = M.map(model.get("metrics"));
    if (metrics != null && !metrics.isEmpty()) return metrics.keySet().iterator().next();
    return overall.isEmpty() ? null : overall.keySet().iterator().next();
  }

  /** Losses then metrics of a report or slice, by spec. */
  static Map<String, Object> values(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (M.map(m.get("losses")) != null) out.putAll(M.map(m.get("losses")));
    if (M.map(m.get("metrics")) != null) out.putAll(M.map(m.get("metrics")));
    return out;
  }

  static String label(Map<String, Object> slice) {
    if (slice == null) return "";
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Object> e : slice.entrySet()) {
      parts.add(e.getKey() + " = " + (e.getValue() == null ? "(null)" : e.getValue()));
    }
    return String.join(", ", parts);
  }
}
