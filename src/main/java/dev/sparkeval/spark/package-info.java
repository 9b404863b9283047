/**
 * The Spark entry points: {@link dev.sparkeval.spark.Evaluation} (the Java API of one evaluation),
 * {@link dev.sparkeval.spark.Input} (reading a table by path or name), {@link dev.sparkeval.spark.Output}
 * (writing one in the format its path names, honouring the umask) and
 * {@link dev.sparkeval.spark.SparkevalExtensions} (the SQL functions in any session). The engine
 * is in {@code eval}, training in {@code train}, SQL in {@code sql}, the ML Evaluator in
 * {@code ml}, the data generator in {@code gen}.
 */
package dev.sparkeval.spark;
