package dev.sparkeval.report;

import dev.sparkeval.core.Direction;
import java.util.LinkedHashMap;
import java.util.Map;

/** The baseline beside one value in report.html: its value, the change, better or worse, and significance. */
final class BaselineView {
  private BaselineView() {}

  /** What to show under a value; null without a baseline block. */
  static Map<String, Object> of(BaselineBlock b, String spec, Double value, Direction direction) {
    if (b == null || b.change() == null) return null;
    Map<String, Object> v = new LinkedHashMap<>();
    Double base = b.losses() != null && b.losses().containsKey(spec) ? b.losses().get(spec) : b.metrics() == null ? null : b.metrics().get(spec);
    v.put("baseline", Fmt.num(base));
    v.put("missing", b.missing() == null ? null : b.missing().get(spec));
    Double change = b.change().get(spec);
    if (change == null || value == null || base == null) return v;
    v.put("change", (change > 0 ? "+" : "") + Fmt.num(change));
    v.put("relative", base == 0 ? null : (change > 0 ? "+" : "") + Fmt.pct(change / Math.abs(base)));
    double gap = direction.badness(value) - direction.badness(base);
    v.put("verdict", gap > 0 ? "worse" : gap < 0 ? "better" : "unchanged");
    Boolean sig = b.significant() == null ? null : b.significant().get(spec);
    v.put("significant", sig);
    v.put("interval", b.changeIntervals() == null ? null : Headline.interval(b.changeIntervals().get(spec)));
    return v;
  }

  /** The short form for a table cell: "+0.01 ▲" style, or null. */
  static String cell(BaselineBlock b, String spec, Double value, Direction direction) {
    Map<String, Object> v = of(b, spec, value, direction);
    if (v == null || v.get("change") == null) return null;
    String mark = "worse".equals(v.get("verdict")) ? " worse" : "better".equals(v.get("verdict")) ? " better" : "";
    return "Δ " + v.get("change") + mark + (Boolean.TRUE.equals(v.get("significant")) ? " *" : "");
  }
}
