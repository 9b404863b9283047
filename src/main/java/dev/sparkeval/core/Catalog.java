package dev.sparkeval.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every loss and metric sparkeval knows. One name may have entries for several tasks (for
 * example {@code cross_entropy} for multiclass and for distributions); a spec is resolved
 * against the task being evaluated.
 */
public final class Catalog {
  private final List<Entry> entries;

  public Catalog(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public List<Entry> entries() {
    return entries;
  }

  public Set<String> names() {
    Set<String> s = new TreeSet<>();
    for (Entry e : entries) s.add(e.name());
    return s;
  }

  /** The entry of this name for this task; null when there is none. */
  public Entry entry(String name, Task task) {
    for (Entry e : entries) if (e.name().equals(name) && e.tasks().contains(task)) return e;
    return null;
  }

  /** A measure bound to the spec as the user wrote it, with the parameters it was built from (defaults filled in). */
  public record Resolved(Spec spec, Entry entry, Params params, Measure measure) {}

  public Resolved resolve(String text, EvalOptions options) {
    Spec spec = Spec.parse(text);
    Task task = options.task();
    List<Entry> named = new ArrayList<>();
    for (Entry e : entries) if (e.name().equals(spec.name())) named.add(e);
    if (named.isEmpty()) {
      throw new UsageException("unknown loss or metric '" + spec.name() + "'" + Suggest.hint(spec.name(), names())
          + "; run 'list' to see every name");
    }
    Entry entry = null;
    Set<String> tasks = new LinkedHashSet<>();
    for (Entry e : named) {
      if (e.tasks().contains(task)) entry = e;
      for (Task t : e.tasks()) tasks.add(t.id());
    }
    if (entry == null) {
      throw new UsageException("'" + spec.name() + "' does not apply to task " + task.id() + "; it is for " + String.join(", ", tasks));
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<String> known = new ArrayList<>();
    for (Param p : entry.params()) {
      values.put(p.name(), p.defaultValue());
      known.add(p.name());
    }
    for (Map.Entry<String, String> kv : spec.params().entrySet()) {
      if (!values.containsKey(kv.getKey())) {
        String what = known.isEmpty() ? "it takes no parameters" : "its parameters are " + String.join(", ", known);
        throw new UsageException("'" + spec.name() + "' has no parameter '" + kv.getKey() + "'"
            + Suggest.hint(kv.getKey(), known) + "; " + what);
      }
      values.put(kv.getKey(), kv.getValue());
    }
    Params params = new Params(spec.name(), Collections.unmodifiableMap(values));
    return new Resolved(spec, entry, params, entry.factory().create(task, params, options));
  }
}
