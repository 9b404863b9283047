/**
 * Synthetic prediction tables and training sets generated inside Spark from seeded column
 * expressions: the generate command, the bench and the tests use them.
 */
package dev.sparkeval.spark.gen;
