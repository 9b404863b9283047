/**
 * The algebra every measure is built on: mergeable states (zero / add / merge / finish, one row
 * or a {@link dev.sparkeval.core.Batch} of rows at a time), the exact accumulator behind every
 * reported sum ({@link dev.sparkeval.core.ExactSum}, with the large
 * {@link dev.sparkeval.core.ExactSumBuffer} in front of it in batch loops), specs and parameters,
 * the catalogue and its entries, the plan that fuses the states of all requested measures, the
 * per-pass partial result and the bootstrap. No Spark imports: everything here is testable
 * without a SparkSession.
 */
package dev.sparkeval.core;
