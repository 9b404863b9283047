package dev.sparkeval.report;

import dev.sparkeval.core.Catalog;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.Task;
import dev.sparkeval.spark.Evaluation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * report.json's {@code settings}: every component of {@link Evaluation.Settings} in snake case (so a
 * setting added later is recorded without a change here), plus {@code specs}, each loss and metric
 * as given with all its parameters filled in. A later run checks its baseline against these.
 */
final class RunSettings {
  private RunSettings() {}

  static Map<String, Object> of(Evaluation.Settings s, Plan plan) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (RecordComponent c : Evaluation.Settings.class.getRecordComponents()) {
      try {
        out.put(snake(c.getName()), plain(c.getAccessor().invoke(s)));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("settings component " + c.getName(), e);
      }
    }
    Map<String, String> specs = new LinkedHashMap<>();
    for (List<Catalog.Resolved> rs : List.of(plan.losses(), plan.metrics())) {
      for (Catalog.Resolved r : rs) specs.put(r.spec().text(), canonical(r));
    }
    out.put("specs", specs);
    return out;
  }

  /** NAME:key=value,... with every parameter, in the catalogue's order. */
  static String canonical(Catalog.Resolved r) {
    List<String> kv = new ArrayList<>();
    r.params().all().forEach((k, v) -> kv.add(k + "=" + v));
    return r.spec().name() + (kv.isEmpty() ? "" : ":" + String.join(",", kv));
  }

  static String snake(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  /** Values as JSON shows them: tasks and roles by id, arrays as lists. */
  private static Object plain(Object v) {
    if (v instanceof Task t) return t.id();
    if (v instanceof Role r) return r.id();
    if (v instanceof double[] a) {
      List<Double> l = new ArrayList<>();
      for (double d : a) l.add(d);
      return l;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(plain(k)), plain(x)));
      return out;
    }
    if (v instanceof List<?> l) return l.stream().map(RunSettings::plain).toList();
    if (v instanceof Enum<?> e) return e.name().toLowerCase(java.util.Locale.ROOT);
    return v;
  }
}
