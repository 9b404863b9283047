package dev.sparkeval.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Everything the HTML template shows, read from the report; blocks that are absent are left out. */
final class ReportView {
  private ReportView() {}

  static Map<String, Object> of(Report r, List<Map<String, Object>> history, HtmlReport.Options opts) {
    Map<String, Object> v = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    String command = r.command() == null ? "evaluate" : r.command();
    v.put("title", "sparkeval " + command + (r.task() == null ? "" : " — " + r.task()));
    v.put("command", command);
    v.put("task", r.task());
    v.put("input", r.input());
    v.put("rows", Fmt.count(r.rows()));
    v.put("rows_used", Fmt.count(r.rowsUsed()));
    v.put("rows_ignored", r.rowsIgnored() == null ? null : Fmt.count(r.rowsIgnored()));
    v.put("weight_sum", Fmt.num(r.weightSum()));
    v.put("seconds", Fmt.num(r.seconds()));
    v.put("skipped", pairs(r.rowsSkipped()));
    v.put("headline", Headline.of(r));
    Report.BootstrapBlock boot = r.bootstrap();
    v.put("bootstrap", boot == null ? null : Fmt.count(boot.replicates()) + " Poisson bootstrap replicates, seed "
        + boot.seed() + ", 95% percentile intervals");
    v.put("gates", gates(r.gates()));
    boolean weightless = r.weightSum() == 0 && (r.residuals() != null || r.curves() != null);
    v.put("charts_note", weightless ? "Nothing to draw: the weights of the " + Fmt.count(r.rowsUsed())
        + " rows used sum to 0, so every bin of the charts is empty." : null);
    v.put("charts", weightless ? List.of() : guard(problems, "charts", () -> {
      List<Chart> c = new ArrayList<>(RegressionCharts.of(r.residuals()));
      c.addAll(BinaryCharts.of(r.curves(), r.metrics()));
      return c;
    }, List.of()));
    v.put("training_rows", training(r));
    v.put("confusion", guard(problems, "confusion_matrix", () -> ClassView.confusion(r.confusionMatrix()), null));
    v.put("per_class", guard(problems, "per_class", () -> ClassView.perClass(r.perClass()), null));
    v.put("ranking", guard(problems, "ranking", () -> GroupedView.ranking(r.ranking()), null));
    v.put("clusters", guard(problems, "clusters", () -> GroupedView.clusters(r.clusters()), null));
    v.put("slices", guard(problems, "slices", () -> SliceView.of(r, opts.sliceMetric()), null));
    v.put("baseline", r.baseline() == null ? null : baseline(r.baseline()));
    v.put("drift", guard(problems, "drift", () -> DriftView.of(r), null));
    v.put("training", guard(problems, "training", () -> TrainingView.of(r.training(), history), null));
    v.put("undefined", pairs(r.undefined()));
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

  /** A train run's rows: training and validation (the report's own rows are the validation rows); null otherwise. */
  private static Map<String, Object> training(Report r) {
    if (r.training() == null) return null;
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("train", Fmt.count(r.training().rowsTrain()));
    t.put("validation", Fmt.count(r.training().rowsValidation()));
    t.put("validation_from", r.validation());
    return t;
  }

  private static Map<String, Object> baseline(BaselineBlock b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", b.source());
    m.put("input", b.input());
    m.put("note", b.note());
    m.put("method", b.intervalMethod());
    return m;
  }

  private static List<Map<String, Object>> gates(List<Report.Gate> gates) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (gates == null) return out;
    for (Report.Gate g : gates) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("gate", g.gate());
      r.put("value", Fmt.num(g.value()));
      r.put("bound", Fmt.num(g.bound()));
      r.put("passed", g.passed());
      out.add(r);
    }
    return out;
  }

  private static List<Map<String, Object>> pairs(Map<String, ?> m) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (m == null) return out;
    for (Map.Entry<String, ?> e : m.entrySet()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("key", e.getKey());
      r.put("value", e.getValue() instanceof Number n ? Fmt.count(n) : String.valueOf(e.getValue()));
      out.add(r);
    }
    return out;
  }
}
