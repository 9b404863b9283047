/**
 * Training on Spark: feature columns read into cached row blocks, one mini-batch step per small
 * job (or an epoch inside one barrier job), validation through the one-pass evaluation, scoring
 * a table with a trained model, and the step timer the bench command uses. The model maths is
 * plain Java in {@code dev.sparkeval.train}.
 */
package dev.sparkeval.spark.train;
