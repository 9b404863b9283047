package dev.sparkeval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.spark.Evaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A previous evaluate run's report.json, read to compare this run with (--baseline): its values and
 * intervals overall and per slice, and the settings it recorded, which must match this run's
 * wherever they change what a value means ({@link #check}).
 */
public final class Baseline {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Settings that change no value's meaning (columns are compared for the weight alone, specs one by one). */
  private static final Set<String> FREE = Set.of("columns", "losses", "metrics", "slices", "skip_bad_rows", "partitions",
      "max_slices", "max_classes", "bootstrap", "seed", "drift", "specs");

  /** One set of values: overall or one slice. */
  record Values(JsonNode losses, JsonNode metrics, JsonNode intervals) {
    JsonNode get(String spec) {
      if (losses != null && losses.has(spec)) return losses.get(spec);
      if (metrics != null && metrics.has(spec)) return metrics.get(spec);
      return null;
    }

    List<Double> interval(String spec) {
      JsonNode iv = intervals == null ? null : intervals.get(spec);
      if (iv == null || !iv.isArray() || iv.size() != 2 || !iv.get(0).isNumber() || !iv.get(1).isNumber()) return null;
      return List.of(iv.get(0).asDouble(), iv.get(1).asDouble());
    }
  }

  private final String source;
  private final JsonNode root;
  private final Values overall;
  private final Map<Map<String, String>, Values> slices = new LinkedHashMap<>();

  private Baseline(String source, JsonNode root) {
    this.source = source;
    this.root = root;
    this.overall = values(root);
    JsonNode ss = root.get("slices");
    if (ss != null && ss.isArray()) {
      for (JsonNode s : ss) slices.put(key(s.get("slice")), values(s));
    }
  }

  private static Values values(JsonNode n) {
    return new Values(n.get("losses"), n.get("metrics"), n.get("intervals"));
  }

  private static Map<String, String> key(JsonNode slice) {
    Map<String, String> k = new LinkedHashMap<>();
    if (slice == null) return k;
    Iterator<Map.Entry<String, JsonNode>> it = slice.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      k.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
    }
    return k;
  }

  /** Reads a run's --out folder or its report.json; anything else is refused naming what is wrong. */
  public static Baseline load(String path) {
    Path p = Path.of(path);
    if (!Files.exists(p)) throw new UsageException("--baseline '" + path + "' does not exist; give a previous run's --out folder or its report.json");
    Path file = Files.isDirectory(p) ? p.resolve("report.json") : p;
    if (!Files.isRegularFile(file)) {
      throw new UsageException("--baseline '" + path + "' has no report.json; give a previous evaluate run's --out folder or its report.json");
    }
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw new UsageException("--baseline '" + file + "' is not a readable report.json: " + why);
    }
    if (root == null || !root.isObject() || !root.has("task") || !(root.has("losses") || root.has("metrics"))) {
      throw new UsageException("--baseline '" + file + "' is not a sparkeval report (it has no task, losses or metrics)");
    }
    String command = root.path("command").asText("evaluate");
    if (!command.equals("evaluate")) {
      throw new UsageException("--baseline '" + file + "' is a " + command + " report; a baseline is an evaluate run's report.json");
    }
    return new Baseline(file.toString(), root);
  }

  public String source() {
    return source;
  }

  /**
   * Refuses a baseline computed with other settings, naming the first difference; returns a note on
   * what could not be checked (settings the baseline did not record), or null.
   */
  public String check(Evaluation.Settings s, Plan plan) {
    Map<String, Object> mine = RunSettings.of(s, plan);
    String task = root.path("task").asText();
    if (!task.equals(mine.get("task"))) refuse("task", task, mine.get("task"));
    JsonNode theirs = root.get("settings");
    if (theirs == null || !theirs.isObject()) {
      return "the baseline predates recorded settings: only its task was checked (threshold, logits, weights, class weights"
          + " and spec parameters could not be)";
    }
    List<String> unrecorded = new ArrayList<>();
    for (Map.Entry<String, Object> e : mine.entrySet()) {
      if (FREE.contains(e.getKey())) continue;
      JsonNode t = theirs.get(e.getKey());
      if (t == null) unrecorded.add(e.getKey());
      else if (!t.equals(JSON.valueToTree(e.getValue()))) refuse(e.getKey(), t, e.getValue());
    }
    Object weight = ((Map<?, ?>) mine.get("columns")).get("weight");
    JsonNode theirWeight = theirs.path("columns").get("weight");
    String tw = theirWeight == null || theirWeight.isNull() ? null : theirWeight.asText();
    if (weight == null ? tw != null : !weight.equals(tw)) refuse("weight", tw == null ? "no weights" : tw, weight == null ? "no weights" : weight);
    specs((Map<?, ?>) mine.get("specs"), theirs.get("specs"));
    return unrecorded.isEmpty() ? null : "the baseline did not record " + String.join(", ", unrecorded) + ", so they were not compared";
  }

  private void specs(Map<?, ?> mine, JsonNode theirs) {
    if (theirs == null) return;
    for (Map.Entry<?, ?> e : mine.entrySet()) {
      JsonNode t = theirs.get((String) e.getKey());
      if (t == null || sameSpec(t.asText(), (String) e.getValue())) continue;
      throw new UsageException("--baseline " + source + " computed '" + e.getKey() + "' as " + t.asText() + ", this run as "
          + e.getValue() + "; a value computed with other parameters cannot be compared (give the same parameters, or another key)");
    }
  }

  /** Same name and parameters, numbers compared as numbers (0.50 is 0.5). */
  static boolean sameSpec(String a, String b) {
    if (a.equals(b)) return true;
    String[] x = a.split("[:,]"), y = b.split("[:,]");
    if (x.length != y.length) return false;
    for (int i = 0; i < x.length; i++) {
      if (x[i].equals(y[i])) continue;
      String[] kx = x[i].split("=", 2), ky = y[i].split("=", 2);
      if (kx.length != 2 || ky.length != 2 || !kx[0].equals(ky[0])) return false;
      try {
        if (Double.parseDouble(kx[1]) != Double.parseDouble(ky[1])) return false;
      } catch (NumberFormatException ex) {
        return false;
      }
    }
    return true;
  }

  private void refuse(String setting, Object theirs, Object mine) {
    throw new UsageException("--baseline " + source + " was computed with " + flag(setting) + " " + text(theirs) + ", this run with "
        + text(mine) + "; values computed with other settings cannot be compared (run both with the same " + flag(setting) + ")");
  }

  private static String flag(String setting) {
    return setting.equals("task") || setting.equals("weight") ? "--" + setting : "--" + setting.replace('_', '-');
  }

  private static String text(Object v) {
    if (v instanceof JsonNode n) return n.isTextual() ? n.asText() : n.toString();
    return v instanceof List<?> || v instanceof Map<?, ?> ? JSON.valueToTree(v).toString() : String.valueOf(v);
  }

  /** Why the baseline has no overall value of spec (not computed, or undefined there), or null when it has one. */
  public String lacks(String spec) {
    JsonNode v = overall.get(spec);
    if (v == null) return "the baseline did not compute '" + spec + "'";
    if (!v.isNumber()) return "'" + spec + "' is undefined in the baseline";
    return null;
  }

  /** The baseline's overall value of spec; call {@link #lacks} first. */
  public double value(String spec) {
    return overall.get(spec).asDouble();
  }

  /** The block of one set of values: overall (slice null) or one slice's. */
  BaselineBlock block(Map<String, String> slice, Map<String, Double> losses, Map<String, Double> metrics,
                      Map<String, List<Double>> intervals, String note) {
    Values base = slice == null ? overall : slices.get(slice);
    String src = slice == null ? source : null;
    String input = slice == null ? root.path("input").asText(null) : null;
    if (base == null) return new BaselineBlock(null, null, null, null, null, null, null, null, null, "the baseline has no such slice");
    Map<String, Double> change = new LinkedHashMap<>();
    Map<String, List<Double>> changeIntervals = new LinkedHashMap<>();
    Map<String, Boolean> significant = new LinkedHashMap<>();
    Map<String, String> missing = new LinkedHashMap<>();
    int both = 0;
    List<Map<String, Double>> out = new ArrayList<>();
    for (Map<String, Double> current : List.of(losses == null ? Map.<String, Double>of() : losses, metrics == null ? Map.<String, Double>of() : metrics)) {
      Map<String, Double> theirs = new LinkedHashMap<>();
      for (Map.Entry<String, Double> e : current.entrySet()) {
        String spec = e.getKey();
        JsonNode b = base.get(spec);
        Double bv = b != null && b.isNumber() ? b.asDouble() : null;
        theirs.put(spec, bv);
        if (b == null) missing.put(spec, "not computed by the baseline");
        else if (bv == null) missing.put(spec, "undefined in the baseline");
        Double v = e.getValue();
        change.put(spec, v != null && bv != null ? v - bv : null);
        if (v == null || bv == null || intervals == null) continue;
        List<Double> iv = BaselineChange.interval(v, intervals.get(spec), bv, base.interval(spec));
        if (iv == null) continue;
        if (BaselineChange.usable(base.interval(spec))) both++;
        changeIntervals.put(spec, iv);
        significant.put(spec, BaselineChange.significant(iv));
      }
      out.add(theirs);
    }
    boolean any = !changeIntervals.isEmpty();
    return new BaselineBlock(src, input, losses == null ? null : out.get(0), metrics == null ? null : out.get(1), change,
        any ? changeIntervals : null, any ? significant : null, any ? BaselineChange.method(both, changeIntervals.size()) : null,
        missing.isEmpty() ? null : missing, note);
  }
}
