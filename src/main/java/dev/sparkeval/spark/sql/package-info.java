/**
 * Every catalogue loss and metric as a Spark SQL aggregate function: {@link
 * dev.sparkeval.spark.sql.MetricAggregate} folds rows into the evaluate command's fused state,
 * {@link dev.sparkeval.spark.sql.SqlFunctions} registers one function per catalogue name.
 */
package dev.sparkeval.spark.sql;
