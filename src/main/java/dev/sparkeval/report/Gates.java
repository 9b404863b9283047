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
 * The bound may follow the baseline: {@code baseline}, {@code baseline+X}, {@code baseline-X} or
 * {@code baseline*X} (as in {@code auc_roc>=baseline-0.01}, {@code mse<=baseline*1.05}).
 */
public final class Gates {
  private Gates() {}

  /** A gate; op is null for a fixed bound, else "", "+", "-" or "*" applied to the baseline's value and the operand. */
  public record Gate(String text, String spec, boolean atLeast, double operand, String op) {
    public boolean usesBaseline() {
      return op != null;
    }

    /** The bound against this baseline value (ignored for a fixed bound). */
    public double bound(double baseline) {
      if (op == null) return operand;
      return switch (op) {
        case "+" -> baseline + operand;
        case "-" -> baseline - operand;
        case "*" -> baseline * operand;
        default -> baseline;
      };
    }
  }

  public record Verdict(Gate gate, Double value, Double bound, boolean passed) {}

  public static List<Gate> parse(List<String> texts) {
    List<Gate> out = new ArrayList<>();
    for (String t : texts) {
      int ge = t.indexOf(">=");
      int le = t.indexOf("<=");
      int at = ge >= 0 ? ge : le;
      if (at <= 0 || (ge >= 0 && le >= 0)) {
        throw new UsageException("--gate '" + t + "' must read SPEC>=X or SPEC<=X, as in auc_roc>=0.8 or auc_roc>=baseline-0.01");
      }
      String rhs = t.substring(at + 2).trim();
      String spec = t.substring(0, at).trim();
      if (rhs.startsWith("baseline")) {
        String rest = rhs.substring("baseline".length()).trim();
        if (rest.isEmpty()) {
          out.add(new Gate(t, spec, ge >= 0, 0, ""));
          continue;
        }
        String op = rest.substring(0, 1);
        if (!List.of("+", "-", "*").contains(op)) {
          throw new UsageException("--gate '" + t + "': after 'baseline' comes +X, -X or *X, as in auc_roc>=baseline-0.01 or mse<=baseline*1.05");
        }
        out.add(new Gate(t, spec, ge >= 0, number(t, rest.substring(1).trim()), op));
      } else {
        out.add(new Gate(t, spec, ge >= 0, number(t, rhs), null));
      }
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

  private static double number(String gate, String num) {
    try {
      double d = Double.parseDouble(num);
      if (Double.isFinite(d)) return d;
    } catch (NumberFormatException e) {
      // said below
    }
    throw new UsageException("--gate '" + gate + "': '" + num + "' is not a finite number");
  }

  /** Refuses, before the pass, a gate on the baseline without one, or on a value the baseline lacks. */
  public static void checkBaseline(List<Gate> gates, Baseline baseline) {
    for (Gate g : gates) {
      if (!g.usesBaseline()) continue;
      if (baseline == null) {
        throw new UsageException("--gate '" + g.text() + "' compares with the baseline; give the baseline run with --baseline PATH");
      }
      String why = baseline.lacks(g.spec());
      if (why != null) {
        throw new UsageException("--gate '" + g.text() + "' needs the baseline's '" + g.spec() + "', but " + why
            + " (" + baseline.source() + "); gate on a value both runs compute");
      }
    }
  }

  public static List<Verdict> check(List<Gate> gates, Plan.Outcome o) {
    return check(gates, o, null);
  }

  /** The verdicts; a gate on the baseline takes its bound from {@code baseline} (checked before the pass). */
  public static List<Verdict> check(List<Gate> gates, Plan.Outcome o, Baseline baseline) {
    checkBaseline(gates, baseline);
    List<Verdict> out = new ArrayList<>();
    for (Gate g : gates) {
      Value v = o.losses().containsKey(g.spec()) ? o.losses().get(g.spec()) : o.metrics().get(g.spec());
      if (v == null) {
        throw new UsageException("--gate '" + g.text() + "' names '" + g.spec()
            + "', which is not computed; add it with --loss or --metric (spelled the same)");
      }
      double bound = g.bound(g.usesBaseline() ? baseline.value(g.spec()) : Double.NaN);
      boolean ok = v.defined() && (g.atLeast() ? v.value() >= bound : v.value() <= bound);
      out.add(new Verdict(g, v.defined() ? v.value() : null, bound, ok));
    }
    return out;
  }

  /** The verdicts as report.json's {@code gates}. */
  public static List<Report.Gate> toReport(List<Verdict> vs) {
    List<Report.Gate> out = new ArrayList<>();
    for (Verdict v : vs) out.add(new Report.Gate(v.gate().text(), v.value(), v.passed(), v.bound()));
    return out;
  }

  public static void print(PrintStream out, List<Verdict> vs) {
    for (Verdict v : vs) {
      String bound = v.gate().usesBaseline() ? ", bound " + v.bound() : "";
      out.println("gate " + v.gate().text() + ": " + (v.passed() ? "passed" : "FAILED") + " (" + v.value() + bound + ")");
    }
  }

  public static String failures(List<Verdict> vs) {
    return vs.stream().filter(v -> !v.passed())
        .map(v -> v.gate().text() + " (value " + v.value() + (v.gate().usesBaseline() ? ", bound " + v.bound() : "") + ")")
        .collect(Collectors.joining(", "));
  }
}
