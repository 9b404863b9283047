package dev.sparkeval.spark.train;

import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.train.FeatureStats;
import java.util.BitSet;
import java.util.Locale;

/**
 * Label checks per task, and the class count of a multiclass label (largest index + 1). A
 * classification label must be a class index; a numeric target (a regression label: values
 * 25..346, or fractions) is refused with what was found, instead of training hundreds of classes.
 */
final class Labels {
  /** A class needs this many rows on average, else the label looks like a numeric target. */
  static final int MIN_ROWS_PER_CLASS = 2;

  private Labels() {}

  static int check(Task task, FeatureStats train, FeatureStats val, String label) {
    double lo = Math.min(train.labelMin, val.labelMin), hi = Math.max(train.labelMax, val.labelMax);
    boolean whole = train.wholeLabels && val.wholeLabels;
    String found = "found " + (whole ? "whole numbers" : "values with fractions") + " from " + num(lo) + " to " + num(hi);
    switch (task) {
      case BINARY -> {
        if (!whole || lo < 0 || hi > 1) {
          throw new UsageException("label '" + label + "' must be 0 or 1 for a binary model; " + found
              + "; for a numeric target use --model linear" + (whole && lo >= 0 ? ", for more than two classes --model softmax" : ""));
        }
        return 2;
      }
      case MULTICLASS -> {
        if (!whole || lo < 0) {
          throw new UsageException("label '" + label + "' must hold class indices 0..K-1 for a multiclass model; " + found
              + "; for a numeric target use --model linear");
        }
        if (hi > FeatureStats.MAX_CLASS) {
          throw new UsageException("label '" + label + "' has class index " + num(hi) + "; at most " + FeatureStats.MAX_CLASS
              + " classes are supported");
        }
        int k = (int) hi + 1;
        BitSet seen = (BitSet) train.classes.clone();
        seen.or(val.classes);
        long rows = train.rows + val.rows;
        if (k >= 3 && (rows < (long) MIN_ROWS_PER_CLASS * k || 2L * seen.cardinality() < k)) {
          throw new UsageException("label '" + label + "' does not look like class indices: " + found + ", which would make "
              + k + " classes (0.." + (k - 1) + ") of which " + seen.cardinality() + " occur, for " + rows + " rows"
              + "; a multiclass model needs class indices 0..K-1 with several rows per class"
              + "; for a numeric target use --model linear (or mlp with --loss mse)");
        }
        return k;
      }
      default -> {
        return 1;
      }
    }
  }

  /** A warning when the training label has one value only (the model can learn nothing but that value); else null. */
  static String single(FeatureStats train, String label) {
    if (train.rows == 0 || train.labelMin != train.labelMax) return null;
    return "the training label '" + label + "' has one value (" + num(train.labelMin) + ") in all " + train.rows
        + " training rows: the model can only learn to predict it";
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%d", (long) v) : Double.toString(v);
  }
}
