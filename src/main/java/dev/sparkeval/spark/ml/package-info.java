/**
 * Spark ML integration: {@link dev.sparkeval.spark.ml.SparkevalEvaluator}, an Evaluator for
 * CrossValidator and TrainValidationSplit over every catalogue loss and metric.
 */
package dev.sparkeval.spark.ml;
