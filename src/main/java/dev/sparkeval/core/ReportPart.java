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
}
