package dev.sparkeval.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers as people read them: 4 significant digits, plain notation unless very large or small. */
final class Fmt {
  private Fmt() {}

  static String num(Double v) {
    if (v == null) return "—";
    double d = v;
    if (Double.isNaN(d)) return "NaN";
    if (Double.isInfinite(d)) return d > 0 ? "∞" : "−∞";
    if (d == 0) return "0";
    double a = Math.abs(d);
    if (a >= 1e7 || a < 1e-4) return String.format(Locale.ROOT, "%.3e", d);
    if (a == Math.rint(a) && a < 1e7) return String.format(Locale.ROOT, "%d", (long) d);
    return new BigDecimal(d).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  static String pct(double f) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * f);
  }

  static String count(Number n) {
    if (n == null) return "—";
    double d = n.doubleValue();
    if (d == Math.rint(d) && Math.abs(d) < 1e15) return String.format(Locale.ROOT, "%,d", (long) d);
    return num(d);
  }
}
