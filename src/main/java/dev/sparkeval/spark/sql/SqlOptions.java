package dev.sparkeval.spark.sql;

import dev.sparkeval.core.UsageException;

/** The evaluate options a SQL call may set in its spec string: logits, threshold, class_weights, bad_rows, ignore_index. */
final class SqlOptions {
  private SqlOptions() {}

  static boolean bool(String name, String v) {
    if (v == null) return false;
    if (v.equalsIgnoreCase("true")) return true;
    if (v.equalsIgnoreCase("false")) return false;
    throw new UsageException(name + ": logits must be true or false, got '" + v + "'");
  }

  static double threshold(String name, String v) {
    if (v == null) return 0.5;
    double t;
    try {
      t = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new UsageException(name + ": threshold must be a number, got '" + v + "'");
    }
    if (!(t > 0 && t < 1)) throw new UsageException(name + ": threshold must be strictly between 0 and 1, got " + v);
    return t;
  }

  static Integer ignoreIndex(String name, String v, dev.sparkeval.core.Task task) {
    if (v == null) return null;
    if (!task.isClassification()) {
      throw new UsageException(name + ": ignore_index applies to binary, multiclass and multilabel labels, not " + task.id());
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(name + ": ignore_index must be an integer label value such as -100, got '" + v + "'");
    }
  }

  static double[] weights(String name, String v) {
    if (v == null) return null;
    String[] parts = v.split("[;\\s]+");
    double[] w = new double[parts.length];
    for (int i = 0; i < w.length; i++) {
      try {
        w[i] = Double.parseDouble(parts[i]);
      } catch (NumberFormatException e) {
        throw new UsageException(name + ": class_weights must read W0;W1;..., as in 'class_weights=1;2.5', got '" + v + "'");
      }
      if (!Double.isFinite(w[i]) || w[i] < 0) throw new UsageException(name + ": class weight " + i + " is " + parts[i] + "; class weights must be finite and >= 0");
    }
    return w;
  }

  /** bad_rows=fail (the default) or skip, as evaluate's --bad-rows; true for skip. */
  static boolean badRows(String name, String v) {
    if (v == null || v.equalsIgnoreCase("fail")) return false;
    if (v.equalsIgnoreCase("skip")) return true;
    throw new UsageException(name + ": bad_rows must be fail or skip, got '" + v + "'");
  }
}
