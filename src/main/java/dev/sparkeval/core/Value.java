package dev.sparkeval.core;

/** A finished loss or metric: a number, or undefined with the reason (written as null in reports). */
public record Value(double value, String undefined) {
  public static Value of(double v) {
    if (Double.isNaN(v)) return new Value(v, "the value is not a number");
    if (Double.isInfinite(v)) return new Value(v, "the value is " + (v > 0 ? "+" : "-") + "infinite");
    return new Value(v, null);
  }

  public static Value undefined(String why) {
    return new Value(Double.NaN, why);
  }

  public boolean defined() {
    return undefined == null;
  }
}
