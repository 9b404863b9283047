package dev.sparkeval.core;

import java.util.List;

/**
 * A structured block of the report computed from the same states as the measures (for example
 * the confusion matrix and the per-class table). The result is plain maps, lists and numbers.
 */
public interface ReportPart {
  /** The report key this block is written under. */
  String key();

  List<Stat> needs();

  Object finish(StatSet stats);

  /**
   * True for blocks that are only reported overall (curves, plots, bootstrap replicates): their
   * states are folded once per row into one overall set instead of once per slice, which keeps
   * a run with many slices small.
   */
  default boolean overallOnly() {
    return false;
  }
}
