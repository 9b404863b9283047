package dev.sparkeval.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What trend.html shows: the runs, then per value its charts, overall first and then each slice (up to a limit). */
final class TrendView {
  private TrendView() {}

  static Map<String, Object> of(Trend t, int maxSlices) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("title", "sparkeval history");
    v.put("source", t.source());
    v.put("runs", t.runs());
    v.put("first", t.runs().isEmpty() ? null : t.runs().get(0).runTime());
    v.put("last", t.runs().isEmpty() ? null : t.runs().get(t.runs().size() - 1).runTime());
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    for (Trend.Series s : t.series()) {
      Map<String, Object> sec = sections.computeIfAbsent(s.name(), n -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", n);
        m.put("charts", new ArrayList<Chart>());
        m.put("hidden", 0);
        return m;
      });
      @SuppressWarnings("unchecked")
      List<Chart> charts = (List<Chart>) sec.get("charts");
      if (charts.size() > maxSlices) {
        sec.put("hidden", (int) sec.get("hidden") + 1);
        continue;
      }
      try {
        charts.add(TrendCharts.of(s, t.lines()));
      } catch (RuntimeException | LinkageError e) {
        problems.add(s.name() + " could not be drawn: " + e);
      }
    }
    v.put("sections", new ArrayList<>(sections.values()));
    v.put("max_slices", maxSlices);
    v.put("problems", problems);
    return v;
  }
}
