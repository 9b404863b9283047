package dev.sparkeval.core;

import java.util.List;

/**
 * A loss or metric bound to its parameters: which states it needs, and how to finish its value
 * from them. Measures live on the driver; only their states travel to the executors.
 */
public interface Measure {
  /** Empty prototypes of the states this measure reads; equal keys are shared with other measures. */
  List<Stat> needs();

  Value finish(StatSet stats);

  /**
   * The rows outside this measure's domain (msle's log1p needs values > -1, Gamma deviance positive
   * ones, ...), or null. They are bad rows of the whole evaluation, as the task's own checks are.
   */
  default RowCheck rowCheck() {
    return null;
  }
}
