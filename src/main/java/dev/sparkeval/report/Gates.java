package dev.sparkeval.report;

import dev.sparkeval.core.Plan;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.core.Value;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code --gate SPEC>=X} / {@code SPEC<=X}: bounds on overall values that block a bad model (exit 3 on
 * the command line), listed in the reports. Shared by the command line, SQL and Python.
 */
public final class Gates {
  private Gates() {}

  public record Gate(String text, String spec, boolean atLeast, double bound) {}

  public record Verdict(Gate gate, Double value, boolean passed) {}

  public static List<Gate> parse(List<String> texts) {
    List<Gate> out = new ArrayList<>();
    for (String t : texts) {
      int ge = t.indexOf(">=");
      int le = t.indexOf("<=");
      int at = ge >= 0 ? ge : le;
      if (at <= 0 || (ge >= 0 && le >= 0)) {
        throw new UsageException("--gate '" + t + "' must read SPEC>=X or SPEC<=X, as in auc_roc>=0.8");
      }
      String num = t.substring(at + 2).trim();
      double bound;
      try {
        bound = Double.parseDouble(num);
      } catch (NumberFormatException e) {
        throw new UsageException("--gate '" + t + "': '" + num + "' is not a number");
      }
      out.add(new Gate(t, t.substring(0, at).trim(), ge >= 0, bound));
    }
    return out;
  }

  /** The specs the plan computes, as written. */
  public static java.util.Set<String> computed(Plan plan) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    plan.losses().forEach(r -> out.add(r.spec().text()));
    plan.metrics().forEach(r -> out.add(r.spec().text()));
    return out;
  }

  /** Refuses, before any work, a gate on a value the plan does not compute. */
  public static void checkComputed(List<Gate> gates, Plan plan) {
    java.util.Set<String> have = computed(plan);
    for (Gate g : gates) {
      if (!have.contains(g.spec())) {
        throw new UsageException("--gate '" + g.text() + "' names '" + g.spec()
            + "', which is not computed; add it with --loss or --metric (spelled the same)");
      }
    }
  }

  public static List<Verdict> check(List<Gate> gates, Plan.Outcome o) {
    List<Verdict> out = new ArrayList<>();
    for (Gate g : gates) {
      Value v = o.losses().containsKey(g.spec()) ? o.losses().get(g.spec()) : o.metrics().get(g.spec());
      if (v == null) {
        throw new UsageException("--gate '" + g.text() + "' names '" + g.spec()
            + "', which is not computed; add it with --loss or --metric (spelled the same)");
      }
      boolean ok = v.defined() && (g.atLeast() ? v.value() >= g.bound() : v.value() <= g.bound());
      out.add(new Verdict(g, v.defined() ? v.value() : null, ok));
    }
    return out;
  }

  /** The verdicts as report.json's {@code gates}. */
  public static List<Report.Gate> toReport(List<Verdict> vs) {
    List<Report.Gate> out = new ArrayList<>();
    for (Verdict v : vs) out.add(new Report.Gate(v.gate().text(), v.value(), v.passed()));
    return out;
  }

  public static void print(PrintStream out, List<Verdict> vs) {
    for (Verdict v : vs) out.println("gate " + v.gate().text() + ": " + (v.passed() ? "passed" : "FAILED") + " (" + v.value() + ")");
  }

  public static String failures(List<Verdict> vs) {
    return vs.stream().filter(v -> !v.passed()).map(v -> v.gate().text() + " (value " + v.value() + ")")
        .collect(Collectors.joining(", "));
  }
}
