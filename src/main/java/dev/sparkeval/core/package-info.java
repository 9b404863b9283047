/**
 * The algebra every measure is built on: mergeable states (zero / add / merge / finish), the
 * exact accumulator behind every reported sum, specs and parameters, the catalogue and its
 * entries, the plan that fuses the states of all requested measures, the per-pass partial
 * result and the bootstrap. No Spark imports: everything here is testable without a SparkSession.
 */
package dev.sparkeval.core;
