package dev.sparkeval.cli;

import dev.sparkeval.core.Bootstrap;
import dev.sparkeval.core.Value;
import dev.sparkeval.drift.Drift;
import dev.sparkeval.report.BaselineBlock;
import dev.sparkeval.report.Report;
import dev.sparkeval.spark.Evaluation;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The human summary of an evaluation on standard output. */
final class Summary {
  private Summary() {}

  static void print(PrintStream out, Evaluation.Result r, double seconds) {
    Integer ignore = r.settings().ignoreIndex();
    out.printf("evaluate %s: %d rows, %d used%s%s, %.2f s%n", r.plan().task().id(), r.rows(), r.rowsUsed(),
        ignore == null ? "" : ", " + r.rowsIgnored() + " ignored (label " + ignore + ")",
        r.skipped().isEmpty() ? "" : ", skipped " + r.skipped(), seconds);
    section(out, "losses", r.overall().losses(), r.overall().parts());
    section(out, "metrics", r.overall().metrics(), r.overall().parts());
    for (Evaluation.SliceResult s : r.slices()) {
      out.printf("slice %s (%d rows%s)%n", s.slice(), s.outcome().rows(), ignore == null ? "" : ", " + s.rowsIgnored() + " ignored");
      section(out, "losses", s.outcome().losses(), s.outcome().parts());
      section(out, "metrics", s.outcome().metrics(), s.outcome().parts());
    }
  }

  private static void section(PrintStream out, String title, Map<String, Value> values, Map<String, Object> parts) {
    if (values.isEmpty()) return;
    out.println("  " + title);
    Map<?, ?> intervals = parts.get(Bootstrap.KEY) instanceof Map<?, ?> m ? m : Map.of();
    for (Map.Entry<String, Value> e : values.entrySet()) {
      Value v = e.getValue();
      String bound = Double.isNaN(v.errorBound()) ? "" : "  (certified error <= " + format(v.errorBound()) + ")";
      String iv = intervals.get(e.getKey()) instanceof List<?> l ? "  95% [" + format((Double) l.get(0)) + ", "
          + format((Double) l.get(1)) + "]" : "";
      out.printf("    %-28s %s%s%s%n", e.getKey(), v.defined() ? format(v.value()) : "undefined (" + v.undefined() + ")", iv, bound);
    }
  }

  /** The baseline's changes and the drift, overall, when the report has them. */
  static void comparison(PrintStream out, Report r) {
    BaselineBlock b = r.baseline();
    if (b != null) {
      out.println("baseline " + b.source() + (b.note() == null ? "" : " (" + b.note() + ")"));
      for (Map.Entry<String, Double> e : r.values().entrySet()) {
        Double base = b.losses() != null && b.losses().containsKey(e.getKey()) ? b.losses().get(e.getKey())
            : b.metrics() == null ? null : b.metrics().get(e.getKey());
        Double change = b.change().get(e.getKey());
        Boolean sig = b.significant() == null ? null : b.significant().get(e.getKey());
        out.printf("    %-28s %s -> %s%s%n", e.getKey(), text(base), text(e.getValue()),
            change == null ? "" : "  change " + String.format("%+.6g", change) + (sig == null ? "" : sig ? " (significant)" : " (within the intervals)"));
      }
    }
    if (r.drift() != null) {
      for (Map.Entry<String, Drift> e : r.drift().entrySet()) {
        Drift d = e.getValue();
        out.println(d.undefined() != null ? "drift " + e.getKey() + ": undefined (" + d.undefined() + ")"
            : String.format("drift %s: ks %s  wasserstein %s  psi %s  js %s", e.getKey(), format(d.ks()), format(d.wasserstein()),
                format(d.psi()), format(d.js())));
      }
    }
  }

  private static String text(Double v) {
    return v == null ? "undefined" : format(v);
  }

  static String format(double v) {
    return String.format("%.6g", v);
  }
}
