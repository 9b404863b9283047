package dev.sparkeval.cli;

import dev.sparkeval.catalog.Catalogs;
import dev.sparkeval.core.Entry;
import dev.sparkeval.core.Param;
import dev.sparkeval.core.Task;
import java.io.PrintStream;
import java.util.stream.Collectors;
import org.kohsuke.args4j.Option;

/** Prints every loss and metric with its parameters, defaults and tasks. */
public final class ListCommand implements Command {
  @Option(name = "--task", usage = "only the names that apply to this task")
  String task;

  @Override public int run(Context ctx) {
    Task only = task == null ? null : Task.parse(task);
    PrintStream out = ctx.out();
    for (Entry.Kind kind : Entry.Kind.values()) {
      out.println(kind == Entry.Kind.LOSS ? "LOSSES (differentiable; any loss may also be asked for as a metric)" : "\nMETRICS");
      for (Entry e : Catalogs.standard().entries()) {
        if (e.kind() != kind || (only != null && !e.tasks().contains(only))) continue;
        String tasks = e.tasks().stream().sorted().map(Task::id).collect(Collectors.joining(","));
        out.printf("  %-22s %-40s %s%n", e.name(), "[" + tasks + "]", e.doc());
        for (Param p : e.params()) out.printf("      %s=%s  %s%n", p.name(), p.defaultValue(), p.doc());
      }
    }
    return 0;
  }
}
