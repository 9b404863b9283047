package dev.sparkeval.report;

import dev.sparkeval.catalog.Catalogs;
import dev.sparkeval.core.Direction;
import dev.sparkeval.core.Entry;
import dev.sparkeval.core.Task;

/** Which way is better for a reported loss or metric: the direction of its catalogue entry. */
final class Better {
  private Better() {}

  /** The spec's name: {@code huber} for {@code huber:delta=0.5}. */
  static String name(String spec) {
    int c = spec.indexOf(':');
    return c < 0 ? spec : spec.substring(0, c);
  }

  /** The direction of the spec's entry for the report's task (any task's entry when the task is not known). */
  static Direction of(String spec, String task) {
    String name = name(spec);
    Entry e = task == null ? null : Catalogs.standard().entry(name, Task.parse(task));
    if (e == null) e = Catalogs.standard().entries().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
    if (e == null) throw new IllegalArgumentException("'" + spec + "' is not a catalogue loss or metric");
    return e.direction();
  }
}
