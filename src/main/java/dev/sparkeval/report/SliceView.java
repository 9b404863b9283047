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
  /** Value columns beside the sorting one: more would not fit a laptop screen (the rest are in report.json and metrics.csv). */
  static final int MAX_COLUMNS = 10;
  /** Slice values longer than this are shortened in the table (the full text is the cell's title). */
  static final int MAX_VALUE_CHARS = 32;

  private SliceView() {}

  static Map<String, Object> of(Report report, String chosen) {
    List<Report.Slice> slices = report.slices();
    if (slices == null || slices.isEmpty()) return null;
    Map<String, Double> overall = report.values();
    String spec = pick(chosen, report, overall);
    if (spec == null) return null;
    Double base = overall.get(spec);
    Direction direction = Better.of(spec, report.task());
    List<String> columns = new ArrayList<>(overall.keySet());
    columns.remove(spec); // shown first, with its interval
    List<String> more = columns.size() > MAX_COLUMNS ? new ArrayList<>(columns.subList(MAX_COLUMNS, columns.size())) : List.of();
    columns = new ArrayList<>(columns.subList(0, Math.min(MAX_COLUMNS, columns.size())));
    List<Map<String, Object>> rows = new ArrayList<>();
    int hidden = 0;
    for (Report.Slice s : slices) {
      if (Boolean.TRUE.equals(s.belowMinRows())) {
        hidden++;
        continue;
      }
      Map<String, Double> vals = Report.values(s);
      Double v = vals.get(spec);
      List<Double> iv = s.intervals() == null ? null : s.intervals().get(spec);
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("name", label(s.slice(), MAX_VALUE_CHARS));
      r.put("title", label(s.slice()));
      r.put("rows", Fmt.count(s.rows()));
      r.put("value", Fmt.num(v));
      r.put("interval", Headline.interval(iv));
      List<String> cells = new ArrayList<>();
      List<String> changes = new ArrayList<>();
      for (String c : columns) {
        cells.add(Fmt.num(vals.get(c)));
        changes.add(BaselineView.cell(s.baseline(), c, vals.get(c), Better.of(c, report.task())));
      }
      r.put("cells", cells);
      r.put("changes", changes);
      r.put("change", BaselineView.cell(s.baseline(), spec, v, direction));
      r.put("worse", muchWorse(direction, v, base, iv));
      r.put("sort", v == null ? Double.NEGATIVE_INFINITY : direction.badness(v));
      rows.add(r);
    }
    rows.sort((a, b) -> Double.compare((double) b.get("sort"), (double) a.get("sort")));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("metric", spec);
    view.put("better", direction.better());
    view.put("overall", Fmt.num(base));
    view.put("columns", columns.stream().map(SliceView::breakable).toList());
    view.put("more", more.isEmpty() ? null : String.join(", ", more));
    view.put("rows", rows);
    view.put("hidden", hidden);
    view.put("min_rows", report.minSliceRows());
    view.put("threshold", Fmt.pct(MUCH_WORSE));
    return view;
  }

  /**
   * A spec cut after each ':', ',' and '_' ({@code huber:|delta=50}, {@code explained_|variance}):
   * the template puts a line-break opportunity between the parts, so narrow columns wrap there.
   */
  static List<String> breakable(String spec) {
    List<String> parts = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < spec.length() - 1; i++) {
      char c = spec.charAt(i);
      if (c == ':' || c == ',' || c == '_') {
        parts.add(spec.substring(from, i + 1));
        from = i + 1;
      }
    }
    parts.add(spec.substring(from));
    return parts;
  }

  static boolean muchWorse(Direction direction, Double v, Double base, List<Double> interval) {
    if (v == null || base == null) return false;
    double gap = direction.badness(v) - direction.badness(base);
    if (!(gap > MUCH_WORSE * Math.abs(base))) return false;
    if (interval == null || interval.size() != 2) return true;
    Double lo = interval.get(0);
    Double hi = interval.get(1);
    return lo == null || hi == null || base < lo || base > hi;
  }

  /** The slice metric: as chosen, else the first gate's, else the first metric, else the first loss. */
  static String pick(String chosen, Report report, Map<String, Double> overall) {
    if (chosen != null && overall.containsKey(chosen)) return chosen;
    if (report.gates() != null) {
      for (Report.Gate g : report.gates()) {
        String spec = g.gate() == null ? "" : g.gate().split("[<>]=", 2)[0].trim();
        if (overall.containsKey(spec)) return spec;
      }
    }
    if (report.metrics() != null && !report.metrics().isEmpty()) return report.metrics().keySet().iterator().next();
    return overall.isEmpty() ? null : overall.keySet().iterator().next();
  }

  static String label(Map<String, String> slice) {
    return label(slice, Integer.MAX_VALUE);
  }

  /** "column = value, ..." with each value cut to at most max characters (an ellipsis marks the cut). */
  static String label(Map<String, String> slice, int max) {
    if (slice == null) return "";
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, String> e : slice.entrySet()) {
      String v = e.getValue() == null ? "(null)" : e.getValue();
      if (v.codePointCount(0, v.length()) > max) v = v.substring(0, v.offsetByCodePoints(0, max - 1)) + "…";
      parts.add(e.getKey() + " = " + v);
    }
    return String.join(", ", parts);
  }
}
