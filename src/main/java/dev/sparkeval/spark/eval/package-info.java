/**
 * The one-pass evaluation engine on Spark: binding columns to roles and projecting the table,
 * folding every partition into the fused state, and the sort jobs of the order statistics (exact
 * AUC, quantiles, ranks: {@code OrderJob}, {@code SpearmanJob}). Scalar tasks fold a batch at a
 * time ({@code BatchFold}): straight from Spark's column batches when the plan has them
 * ({@code ColumnarInput}: vectorized parquet and ORC scans, the in-memory cache), else from
 * internal rows buffered into columns; tasks with vector columns read rows into {@code Example}s
 * one by one. Every path gives the same bits. The Java API over it is {@code dev.sparkeval.spark.Evaluation}.
 */
package dev.sparkeval.spark.eval;
