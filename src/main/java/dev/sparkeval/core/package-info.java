/**
 * The engine's plain-Java heart: mergeable states (zero / add / merge / finish), the exact
 * accumulator behind every reported sum, specs, the catalogue and the per-pass partial result.
 * No Spark imports: everything here is testable without a SparkSession.
 */
package dev.sparkeval.core;
