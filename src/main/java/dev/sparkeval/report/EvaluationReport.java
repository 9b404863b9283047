package dev.sparkeval.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.Value;
import dev.sparkeval.spark.Evaluation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The machine-readable report of an evaluation: the keys of CONTRACT.md, numbers at full precision. */
public final class EvaluationReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Chart data kept for the overall result only: per slice it would multiply the report's size. */
  static final Set<String> OVERALL_ONLY = Set.of("curves", "residuals");

  private EvaluationReport() {}

  /** Flags slices with fewer than minRows rows: kept in report.json, hidden in report.html. */
  public static void flagSmallSlices(Map<String, Object> model, long minRows) {
    if (minRows <= 0 || !(model.get("slices") instanceof List<?> slices)) return;
    model.put("min_slice_rows", minRows);
    for (Object o : slices) {
      @SuppressWarnings("unchecked")
      Map<String, Object> s = (Map<String, Object>) o;
      if (((Number) s.get("rows")).longValue() < minRows) s.put("below_min_rows", true);
    }
  }

  /** Records how the intervals were made (the "intervals" block itself comes from the plan). */
  public static void bootstrap(Map<String, Object> model, int replicates, long seed) {
    if (replicates <= 0) return;
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("replicates", replicates);
    b.put("seed", seed);
    b.put("level", 0.95);
    model.put("bootstrap", b);
  }

  public static Map<String, Object> model(Evaluation.Result r, String input, double seconds) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", 1);
    m.put("command", "evaluate");
    m.put("task", r.plan().task().id());
    m.put("input", input);
    m.put("rows", r.rows());
    m.put("rows_used", r.rowsUsed());
    m.put("rows_skipped", r.skipped());
    m.put("weight_sum", r.overall().weightSum());
    Map<String, String> undefined = new LinkedHashMap<>();
    m.put("losses", values(r.overall().losses(), undefined, ""));
    m.put("metrics", values(r.overall().metrics(), undefined, ""));
    m.putAll(r.overall().parts());
    Map<String, Object> bounds = bounds(r.overall());
    if (!bounds.isEmpty()) m.put("error_bounds", bounds);
    if (!r.slices().isEmpty()) {
      List<Object> slices = new ArrayList<>();
      for (Evaluation.SliceResult s : r.slices()) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("slice", s.slice());
        one.put("rows", s.outcome().rows());
        one.put("weight_sum", s.outcome().weightSum());
        one.put("losses", values(s.outcome().losses(), null, null));
        one.put("metrics", values(s.outcome().metrics(), null, null));
        s.outcome().parts().forEach((k, v) -> {
          if (!OVERALL_ONLY.contains(k)) one.put(k, v);
        });
        Map<String, Object> sb = bounds(s.outcome());
        if (!sb.isEmpty()) one.put("error_bounds", sb);
        slices.add(one);
      }
      m.put("slices", slices);
    }
    m.put("undefined", undefined);
    m.put("seconds", seconds);
    return m;
  }

  /** Values by spec; undefined ones are written as null and their reason recorded. */
  static Map<String, Object> values(Map<String, Value> vs, Map<String, String> undefined, String prefix) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Value> e : vs.entrySet()) {
      Value v = e.getValue();
      out.put(e.getKey(), v.defined() ? (Object) v.value() : null);
      if (!v.defined() && undefined != null) undefined.put(prefix + e.getKey(), v.undefined());
      if (v.note() != null && undefined != null) undefined.put(prefix + e.getKey(), v.note());
    }
    return out;
  }

  /** Certified error bounds of approximate values (one-pass binned AUC), by spec. */
  static Map<String, Object> bounds(Plan.Outcome o) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map<String, Value> vs : List.of(o.losses(), o.metrics())) {
      for (Map.Entry<String, Value> e : vs.entrySet()) {
        if (!Double.isNaN(e.getValue().errorBound())) out.put(e.getKey(), e.getValue().errorBound());
      }
    }
    return out;
  }

  public static String json(Map<String, Object> model) {
    try {
      return JSON.writeValueAsString(model) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report is not serialisable", e);
    }
  }
}
