package dev.sparkeval.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Classification blocks as tables: the confusion matrix as heatmaps (counts and row-normalised) and per-class figures. */
final class ClassView {
  static final int MAX_CLASSES = 40;

  private ClassView() {}

  /** {labels, counts: rows of cells, normalised: rows of cells}; cells are {text, shade 0..1}. */
  static Map<String, Object> confusion(Map<String, Object> cm) {
    if (cm == null) return null;
    List<Object> labels = M.list(cm.get("labels"));
    List<double[]> counts = M.rows(cm.get("counts"));
    if (labels == null || counts.size() != labels.size() || labels.size() > MAX_CLASSES) return null;
    for (double[] r : counts) if (r.length != labels.size()) return null; // not a K x K matrix: not drawn
    double max = 0;
    for (double[] r : counts) for (double v : r) max = Math.max(max, v);
    List<Object> countRows = new ArrayList<>();
    List<Object> normRows = new ArrayList<>();
    for (int i = 0; i < counts.size(); i++) {
      double[] r = counts.get(i);
      double sum = 0;
      for (double v : r) sum += v;
      List<Object> c = new ArrayList<>();
      List<Object> n = new ArrayList<>();
      for (int j = 0; j < r.length; j++) {
        c.add(cell(Fmt.count(r[j]), max > 0 ? r[j] / max : 0, i == j));
        double f = sum > 0 ? r[j] / sum : 0;
        n.add(cell(sum > 0 ? Fmt.pct(f) : "—", f, i == j));
      }
      countRows.add(row(M.text(labels.get(i)), c));
      normRows.add(row(M.text(labels.get(i)), n));
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("labels", labels.stream().map(M::text).toList());
    v.put("counts", countRows);
    v.put("normalised", normRows);
    return v;
  }

  private static Map<String, Object> row(String label, List<Object> cells) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("label", label);
    m.put("cells", cells);
    return m;
  }

  private static Map<String, Object> cell(String text, double shade, boolean diagonal) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("text", text);
    m.put("shade", String.format(Locale.ROOT, "%.3f", shade));
    m.put("dark", shade > 0.55);
    m.put("diagonal", diagonal);
    return m;
  }

  /** {columns, rows: {label, cells}} from per_class {"label": {"precision": .., ...}}. */
  static Map<String, Object> perClass(Map<String, Object> pc) {
    if (pc == null || pc.isEmpty()) return null;
    Set<String> cols = new LinkedHashSet<>();
    for (Object o : pc.values()) if (M.map(o) != null) cols.addAll(M.map(o).keySet());
    List<Object> rows = new ArrayList<>();
    for (Map.Entry<String, Object> e : pc.entrySet()) {
      Map<String, Object> vals = M.map(e.getValue());
      List<String> cells = new ArrayList<>();
      for (String c : cols) {
        Double v = vals == null ? null : M.num(vals.get(c));
        cells.add(c.equals("support") ? Fmt.count(v) : Fmt.num(v));
      }
      rows.add(row(e.getKey(), new ArrayList<>(cells)));
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("columns", new ArrayList<>(cols));
    v.put("rows", rows);
    return v;
  }
}
