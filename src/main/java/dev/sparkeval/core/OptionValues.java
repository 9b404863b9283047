package dev.sparkeval.core;

import java.util.Locale;

/**
 * The one parser and the one check of each evaluate option that arrives as text or as a value
 * from several ways in (the command line, a SQL spec string, the Java builders, Python): the
 * decision threshold and the class weights. A bad value throws an {@link InvalidSetting} naming
 * the Java setting; the command line shows its flag ({@code --threshold ...}), SQL its key
 * ({@code f1: threshold ...}), Java the setting itself.
 */
public final class OptionValues {
  private OptionValues() {}

  /** The binary decision threshold: strictly between 0 and 1. */
  public static double threshold(double t) {
    if (!(t > 0 && t < 1)) throw new InvalidSetting("threshold", "must be strictly between 0 and 1, got " + t);
    return t;
  }

  public static double threshold(String text) {
    try {
      return threshold(Double.parseDouble(text.trim()));
    } catch (NumberFormatException e) {
      throw new InvalidSetting("threshold", "must be a number strictly between 0 and 1, got '" + text + "'");
    }
  }

  /** Per-class weights: each finite and >= 0. Returns its argument. */
  public static double[] classWeights(double[] w) {
    if (w == null) return null;
    for (int i = 0; i < w.length; i++) {
      if (!Double.isFinite(w[i]) || w[i] < 0) {
        throw new InvalidSetting("classWeights", "has weight " + i + " = " + w[i] + "; class weights must be finite and >= 0");
      }
    }
    return w;
  }

  /** Class weights written W0{sep}W1{sep}... (the command line separates with ',', a SQL spec with ';'). */
  public static double[] classWeights(String text, char sep) {
    String[] parts = text.split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1);
    double[] w = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        w[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new InvalidSetting("classWeights", "must be numbers W0" + sep + "W1" + sep + "... such as 1" + sep + "2.5; '"
            + parts[i] + "' is not a number");
      }
    }
    return classWeights(w);
  }

  /** A setting's key in a SQL spec string or a Python keyword: {@code classWeights} is {@code class_weights}. */
  public static String snake(String setting) {
    return setting.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
