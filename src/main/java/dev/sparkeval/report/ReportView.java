package dev.sparkeval.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Everything the HTML template shows, read from the report model; blocks that are absent are left out. */
final class ReportView {
  private ReportView() {}

  static Map<String, Object> of(Map<String, Object> model, List<Map<String, Object>> history, HtmlReport.Options opts) {
    Map<String, Object> v = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    String command = M.text(model.getOrDefault("command", "evaluate"));
    String task = M.text(model.get("task"));
    v.put("title", "sparkeval " + command + (task == null ? "" : " — " + task));
    v.put("command", command);
    v.put("task", task);
    v.put("input", M.text(model.get("input")));
    v.put("rows", Fmt.count(M.num(model.get("rows"))));
    v.put("rows_used", Fmt.count(M.num(model.get("rows_used"))));
    v.put("weight_sum", Fmt.num(M.num(model.get("weight_sum"))));
    v.put("seconds", Fmt.num(M.num(model.get("seconds"))));
    v.put("skipped", pairs(M.map(model.get("rows_skipped"))));
    v.put("headline", Headline.of(model));
    Map<String, Object> boot = M.map(model.get("bootstrap"));
    v.put("bootstrap", boot == null ? null : Fmt.count(M.num(boot.get("replicates"))) + " Poisson bootstrap replicates, seed "
        + M.text(boot.get("seed")) + ", 95% percentile intervals");
    v.put("gates", gates(M.list(model.get("gates"))));
    Map<String, Object> metrics = M.map(model.get("metrics"));
    v.put("charts", guard(problems, "charts", () -> {
      List<Chart> c = new ArrayList<>(RegressionCharts.of(M.map(model.get("residuals"))));
      c.addAll(BinaryCharts.of(M.map(model.get("curves")), metrics));
      return c;
    }, List.of()));
    v.put("confusion", guard(problems, "confusion_matrix", () -> ClassView.confusion(M.map(model.get("confusion_matrix"))), null));
    v.put("per_class", guard(problems, "per_class", () -> ClassView.perClass(M.map(model.get("per_class"))), null));
    v.put("slices", guard(problems, "slices", () -> SliceView.of(model, opts.sliceMetric()), null));
    v.put("training", guard(problems, "training", () -> TrainingView.of(M.map(model.get("training")), history), null));
    v.put("undefined", pairs(M.map(model.get("undefined"))));
    v.put("problems", problems);
    return v;
  }

  /**
   * One section; if it fails (charts need Java2D fonts, which a bare machine may lack; a block may
   * have an unexpected shape) the report is still written, saying what is missing.
   */
  private static <T> T guard(List<String> problems, String what, Supplier<T> build, T otherwise) {
    try {
      return build.get();
    } catch (RuntimeException | LinkageError e) {
      problems.add(what + " could not be shown: " + e);
      return otherwise;
    }
  }

  private static List<Map<String, Object>> gates(List<Object> gates) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (gates == null) return out;
    for (Object o : gates) {
      Map<String, Object> g = M.map(o);
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("gate", M.text(g.get("gate")));
      r.put("value", Fmt.num(M.num(g.get("value"))));
      r.put("passed", Boolean.TRUE.equals(g.get("passed")));
      out.add(r);
    }
    return out;
  }

  private static List<Map<String, Object>> pairs(Map<String, Object> m) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (m == null) return out;
    for (Map.Entry<String, Object> e : m.entrySet()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("key", e.getKey());
      r.put("value", e.getValue() instanceof Number n ? Fmt.count(n) : M.text(e.getValue()));
      out.add(r);
    }
    return out;
  }
}
