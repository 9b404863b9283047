package dev.sparkeval.core;

import java.util.List;
import java.util.Set;

/** A catalogued loss or metric: its name, tasks, parameters, and how to bind it to a spec. */
public record Entry(String name, Kind kind, Set<Task> tasks, List<Param> params, String doc,
                    boolean differentiable, Factory factory) {

  public enum Kind { LOSS, METRIC }

  /** Builds the measure for one task from validated parameters (defaults filled in). */
  @FunctionalInterface
  public interface Factory {
    Measure create(Task task, Params params, EvalOptions options);
  }

  public static Entry loss(String name, Set<Task> tasks, String doc, Factory f, Param... params) {
    return new Entry(name, Kind.LOSS, tasks, List.of(params), doc, true, f);
  }

  public static Entry metric(String name, Set<Task> tasks, String doc, Factory f, Param... params) {
    return new Entry(name, Kind.METRIC, tasks, List.of(params), doc, false, f);
  }
}
