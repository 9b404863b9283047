package dev.sparkeval.measure;

import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.RowCheck;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Value;
import java.util.List;

/**
 * Where a measure is defined: rows whose label or prediction lies outside (msle's values > -1,
 * Gamma deviance's positive values, ...) are bad rows, named and counted as any other.
 */
public final class Domain {
  private Domain() {}

  /** A lower bound on one column: value > bound, or >= with inclusive. */
  public record Bound(Role role, double bound, boolean inclusive) implements java.io.Serializable {
    boolean holds(double v) {
      return inclusive ? v >= bound : v > bound;
    }

    /** A reason key for counting: label_not_positive, prediction_negative, label_at_most_minus_1, ... */
    String reason() {
      if (bound == 0) return role.id() + (inclusive ? "_negative" : "_not_positive");
      return role.id() + (inclusive ? "_below_" : "_at_most_") + (bound < 0 ? "minus_" : "") + fmt(Math.abs(bound));
    }

    String text() {
      return (inclusive ? ">= " : "> ") + fmt(bound);
    }
  }

  public static Bound label(double bound, boolean inclusive) {
    return new Bound(Role.LABEL, bound, inclusive);
  }

  public static Bound prediction(double bound, boolean inclusive) {
    return new Bound(Role.PREDICTION, bound, inclusive);
  }

  /** The measure, with rows outside the bounds made bad rows; why says what needs them. */
  public static Measure checked(Measure m, String name, String why, Bound... bounds) {
    RowCheck check = e -> {
      for (Bound b : bounds) {
        double v = b.role() == Role.LABEL ? e.label : e.prediction;
        if (!b.holds(v)) {
          return new RowRule.Bad(b.reason(), b.role().id() + " is " + v + "; " + name + " needs " + b.role().id()
              + "s " + b.text() + " (" + why + ")");
        }
      }
      return null;
    };
    return new Measure() {
      @Override public List<Stat> needs() { return m.needs(); }
      @Override public Value finish(StatSet stats) { return m.finish(stats); }
      @Override public RowCheck rowCheck() { return check; }
    };
  }

  static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
