package dev.sparkeval.cli;

import dev.sparkeval.core.Value;
import dev.sparkeval.spark.Evaluation;
import java.io.PrintStream;
import java.util.Map;

/** The human summary of an evaluation on standard output. */
final class Summary {
  private Summary() {}

  static void print(PrintStream out, Evaluation.Result r, double seconds) {
    out.printf("evaluate %s: %d rows, %d used%s, %.2f s%n", r.plan().task().id(), r.rows(), r.rowsUsed(),
        r.skipped().isEmpty() ? "" : ", skipped " + r.skipped(), seconds);
    section(out, "losses", r.overall().losses());
    section(out, "metrics", r.overall().metrics());
    for (Evaluation.SliceResult s : r.slices()) {
      out.printf("slice %s (%d rows)%n", s.slice(), s.outcome().rows());
      section(out, "losses", s.outcome().losses());
      section(out, "metrics", s.outcome().metrics());
    }
  }

  private static void section(PrintStream out, String title, Map<String, Value> values) {
    if (values.isEmpty()) return;
    out.println("  " + title);
    for (Map.Entry<String, Value> e : values.entrySet()) {
      Value v = e.getValue();
      String bound = Double.isNaN(v.errorBound()) ? "" : "  (certified error <= " + format(v.errorBound()) + ")";
      out.printf("    %-28s %s%s%n", e.getKey(), v.defined() ? format(v.value()) : "undefined (" + v.undefined() + ")", bound);
    }
  }

  static String format(double v) {
    return String.format("%.6g", v);
  }
}
