package dev.sparkeval.core;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A spec's parameters with defaults filled in, and typed, validated access to them. */
public final class Params {
  private final String owner;
  private final Map<String, String> values;

  public Params(String owner, Map<String, String> values) {
    this.owner = owner;
    this.values = values;
  }

  /** Every parameter with its value (defaults filled in), in the entry's order. */
  public Map<String, String> all() {
    return values;
  }

  public String str(String key) {
    String v = values.get(key);
    if (v == null) throw new IllegalStateException(owner + " has no parameter " + key);
    return v;
  }

  public double dbl(String key) {
    String v = str(key);
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d)) throw new NumberFormatException();
      return d;
    } catch (NumberFormatException e) {
      throw new UsageException(owner + ": " + key + " must be a finite number, got '" + v + "'");
    }
  }

  public int integer(String key) {
    String v = str(key);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new UsageException(owner + ": " + key + " must be a whole number, got '" + v + "'");
    }
  }

  public boolean bool(String key) {
    String v = str(key).toLowerCase(Locale.ROOT);
    if (v.equals("true")) return true;
    if (v.equals("false")) return false;
    throw new UsageException(owner + ": " + key + " must be true or false, got '" + v + "'");
  }

  /** A number that must lie in [lo, hi] (open ends when the flags say so). */
  public double dbl(String key, double lo, boolean loOpen, double hi, boolean hiOpen) {
    double d = dbl(key);
    boolean ok = (loOpen ? d > lo : d >= lo) && (hiOpen ? d < hi : d <= hi);
    if (!ok) {
      throw new UsageException(owner + ": " + key + " must be in " + (loOpen ? "(" : "[") + fmt(lo) + ", "
          + fmt(hi) + (hiOpen ? ")" : "]") + ", got " + str(key));
    }
    return d;
  }

  public int integer(String key, int lo, int hi) {
    int i = integer(key);
    if (i < lo || i > hi) throw new UsageException(owner + ": " + key + " must be between " + lo + " and " + hi + ", got " + i);
    return i;
  }

  public String choice(String key, List<String> allowed) {
    String v = str(key).toLowerCase(Locale.ROOT);
    if (!allowed.contains(v)) {
      throw new UsageException(owner + ": " + key + " must be one of " + allowed + ", got '" + str(key) + "'" + Suggest.hint(v, allowed));
    }
    return v;
  }

  private static String fmt(double d) {
    if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
