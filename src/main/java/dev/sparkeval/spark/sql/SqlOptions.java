package dev.sparkeval.spark.sql;

import dev.sparkeval.core.InvalidSetting;
import dev.sparkeval.core.OptionValues;
import dev.sparkeval.core.UsageException;
import java.util.function.Supplier;

/**
 * The evaluate options a SQL call may set in its spec string: logits, threshold, class_weights,
 * bad_rows, ignore_index. Threshold and class weights are parsed and checked by {@link OptionValues},
 * as on every other way in; a bad one is reported under the function's name and the spec's key.
 */
final class SqlOptions {
  private SqlOptions() {}

  static boolean bool(String name, String v) {
    if (v == null) return false;
    if (v.equalsIgnoreCase("true")) return true;
    if (v.equalsIgnoreCase("false")) return false;
    throw new UsageException(name + ": logits must be true or false, got '" + v + "'");
  }

  static double threshold(String name, String v) {
    return v == null ? 0.5 : checked(name, () -> OptionValues.threshold(v));
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

  /** class_weights=W0;W1;... (';', since ',' separates the spec's keys). */
  static double[] weights(String name, String v) {
    return v == null ? null : checked(name, () -> OptionValues.classWeights(v, ';'));
  }

  /** bad_rows=fail (the default) or skip, as evaluate's --bad-rows; true for skip. */
  static boolean badRows(String name, String v) {
    if (v == null || v.equalsIgnoreCase("fail")) return false;
    if (v.equalsIgnoreCase("skip")) return true;
    throw new UsageException(name + ": bad_rows must be fail or skip, got '" + v + "'");
  }

  /** The value, or the usage error of an invalid one under the function's name and the spec's key. */
  static <T> T checked(String name, Supplier<T> value) {
    try {
      return value.get();
    } catch (InvalidSetting e) {
      throw new UsageException(name + ": " + OptionValues.snake(e.setting()) + " " + e.problem());
    }
  }
}
