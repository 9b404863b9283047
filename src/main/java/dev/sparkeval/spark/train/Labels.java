package dev.sparkeval.spark.train;

import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.train.FeatureStats;

/** Label checks per task, and the class count of a multiclass label (largest index + 1). */
final class Labels {
  private Labels() {}

  static int check(Task task, FeatureStats train, FeatureStats val, String label) {
    double lo = Math.min(train.labelMin, val.labelMin), hi = Math.max(train.labelMax, val.labelMax);
    boolean whole = train.wholeLabels && val.wholeLabels;
    switch (task) {
      case BINARY -> {
        if (!whole || lo < 0 || hi > 1) {
          throw new UsageException("label '" + label + "' must be 0 or 1 for a binary model; it ranges over [" + lo + ", " + hi + "]"
              + (whole ? "" : " with fractional values") + "; for more classes use --model softmax");
        }
        return 2;
      }
      case MULTICLASS -> {
        if (!whole || lo < 0) {
          throw new UsageException("label '" + label + "' must hold class indices 0..K-1 for a multiclass model; it ranges over ["
              + lo + ", " + hi + "]" + (whole ? "" : " with fractional values"));
        }
        if (hi > 100_000) throw new UsageException("label '" + label + "' has class index " + hi + "; at most 100000 classes are supported");
        return (int) hi + 1;
      }
      default -> {
        return 1;
      }
    }
  }
}
