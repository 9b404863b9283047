package dev.sparkeval.core;

/**
 * A finished loss or metric: a number, or undefined with the reason (written as null in reports).
 * A defined value may carry a note (for example where scikit-learn's zero_division applied; the
 * report lists it under "undefined" next to the number) and a certified bound on its error
 * (one-pass binned AUC; NaN when the value is exact).
 */
public record Value(double value, String undefined, String note, double errorBound) {
  public Value(double value, String undefined) {
    this(value, undefined, null, Double.NaN);
  }

  public static Value of(double v) {
    if (Double.isNaN(v)) return new Value(v, "the value is not a number");
    if (Double.isInfinite(v)) return new Value(v, "the value is " + (v > 0 ? "+" : "-") + "infinite");
    return new Value(v, null);
  }

  public static Value undefined(String why) {
    return new Value(Double.NaN, why);
  }

  /** This value with a note attached (null leaves it unchanged). */
  public Value withNote(String why) {
    if (why == null || !defined()) return this;
    return new Value(value, null, note == null ? why : note + "; " + why, errorBound);
  }

  /** This value with a certified bound on |value - exact value|. */
  public Value withBound(double bound) {
    return defined() ? new Value(value, null, note, bound) : this;
  }

  public boolean defined() {
    return undefined == null;
  }

  /**
   * What a person wants to read: the number (with its note or certified bound when it has one), or
   * {@code undefined: reason}.
   */
  @Override public String toString() {
    if (!defined()) return "undefined: " + undefined;
    String s = Double.toString(value);
    if (!Double.isNaN(errorBound)) s += " (error <= " + errorBound + ")";
    return note == null ? s : s + " (" + note + ")";
  }
}
