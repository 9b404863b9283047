/**
 * Drift: how far a column's distribution in the current table moved from a reference table.
 * One walk over the distinct values of both tables merged in ascending order gives the
 * two-sample Kolmogorov-Smirnov statistic, the 1-Wasserstein distance and the weights in the
 * ten bins at the reference's deciles (PSI and Jensen-Shannon); the sort job runs the walk in
 * pieces and the pieces join exactly. Plain Java.
 */
package dev.sparkeval.drift;
