/**
 * The bench command: the same metrics, exact AUC and a training step through sparkeval and
 * through MLlib on the same cached table in the same run, timed as medians, and the scaling plot.
 */
package dev.sparkeval.bench;
