/**
 * The one-pass evaluation engine on Spark: binding columns to roles and projecting the table,
 * reading Spark internal rows into {@code Example}s, folding every partition into the fused
 * state, and the sort jobs of the order statistics (exact AUC, quantiles, ranks: {@code OrderJob},
 * {@code SpearmanJob}). The Java API over it is {@code dev.sparkeval.spark.Evaluation}.
 */
package dev.sparkeval.spark.eval;
