package dev.sparkeval.report;

import dev.sparkeval.part.ConfusionParts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Classification blocks as tables: the confusion matrix as heatmaps (counts and row-normalised) and per-class figures. */
final class ClassView {
  static final int MAX_CLASSES = 40;

  private ClassView() {}

  /** {labels, counts: rows of cells, normalised: rows of cells}; cells are {text, shade 0..1}. */
  static Map<String, Object> confusion(ConfusionParts.Matrix cm) {
    if (cm == null) return null;
    List<Integer> labels = cm.labels();
    List<double[]> counts = numbers(cm.counts(), labels.size());
    if (counts == null || counts.size() != labels.size() || labels.size() > MAX_CLASSES) return null;
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
      countRows.add(row(String.valueOf(labels.get(i)), c));
      normRows.add(row(String.valueOf(labels.get(i)), n));
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("labels", labels.stream().map(String::valueOf).toList());
    v.put("counts", countRows);
    v.put("normalised", normRows);
    return v;
  }

  /** Rows of k numbers each, or null when the counts are not a k x k matrix of numbers (multilabel's 2 x 2 per label). */
  private static List<double[]> numbers(List<Object> rows, int k) {
    List<double[]> out = new ArrayList<>();
    for (Object r : rows) {
      if (!(r instanceof List<?> cells) || cells.size() != k) return null;
      double[] d = new double[k];
      for (int j = 0; j < k; j++) {
        if (!(cells.get(j) instanceof Number n)) return null;
        d[j] = n.doubleValue();
      }
      out.add(d);
    }
    return out;
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

  /** {columns, rows: {label, cells}} from per_class. */
  static Map<String, Object> perClass(Map<String, ConfusionParts.ClassFigures> pc) {
    if (pc == null || pc.isEmpty()) return null;
    List<Object> rows = new ArrayList<>();
    for (Map.Entry<String, ConfusionParts.ClassFigures> e : pc.entrySet()) {
      ConfusionParts.ClassFigures f = e.getValue();
      List<Object> cells = List.of(Fmt.num(f.precision()), Fmt.num(f.recall()), Fmt.num(f.f1()),
          Fmt.count(f.support() instanceof Number n ? n : null));
      rows.add(row(e.getKey(), new ArrayList<>(cells)));
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("columns", List.of("precision", "recall", "f1", "support"));
    v.put("rows", rows);
    return v;
  }
}
