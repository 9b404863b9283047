package dev.sparkeval.core;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which columns a plan reads. Label and prediction have defaults, so they are bound only when
 * a measure reads them (a triplet-only table needs neither); every other role must be given
 * exactly when a requested measure reads it.
 */
public final class Roles {
  private Roles() {}

  /** The columns to bind: the given ones that the plan reads, plus the weight. */
  public static Map<Role, String> bind(Plan plan, Map<Role, String> given) {
    Map<Role, List<String>> readers = new LinkedHashMap<>();
    List<Catalog.Resolved> all = new ArrayList<>(plan.losses());
    all.addAll(plan.metrics());
    for (Catalog.Resolved r : all) {
      for (Role role : r.entry().columns()) readers.computeIfAbsent(role, k -> new ArrayList<>()).add(r.spec().text());
    }
    List<String> missing = new ArrayList<>();
    Set<String> needing = new java.util.LinkedHashSet<>();
    for (Map.Entry<Role, List<String>> e : readers.entrySet()) {
      if (!given.containsKey(e.getKey())) {
        missing.add(e.getKey().option());
        needing.addAll(e.getValue());
      }
    }
    if (!missing.isEmpty()) {
      throw new UsageException(String.join(", ", needing) + " need" + (needing.size() == 1 ? "s" : "")
          + " the column option" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + "; give "
          + (missing.size() == 1 ? "it" : "them") + " (" + example(missing) + ")");
    }
    Set<Role> defaults = EnumSet.of(Role.LABEL, Role.PREDICTION, Role.WEIGHT);
    Map<Role, String> out = new LinkedHashMap<>();
    for (Map.Entry<Role, String> e : given.entrySet()) {
      Role role = e.getKey();
      boolean layout = role == Role.QUERY && plan.task() == Task.RANKING; // the long layout groups by it
      if (readers.containsKey(role) || role == Role.WEIGHT || layout) out.put(role, e.getValue());
      else if (!defaults.contains(role)) {
        throw new UsageException(role.option() + " is given but no requested loss or metric reads it (" + reader(role) + ")");
      }
    }
    return out;
  }

  private static String reader(Role role) {
    return switch (role) {
      case TARGET -> "cosine_embedding does";
      case QUERY -> "--task ranking groups rows by it";
      case FEATURES -> "silhouette does, with --task clustering";
      default -> "triplet does";
    };
  }

  private static String example(List<String> options) {
    List<String> parts = new ArrayList<>();
    for (String o : options) parts.add(o + " COL");
    return String.join(" ", parts);
  }
}
