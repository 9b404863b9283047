/**
 * The Spark edge: reading tables, binding columns to roles, and the one-pass engine that folds
 * rows into the states of core. The only package that knows about Rows and partitions.
 */
package dev.sparkeval.spark;
