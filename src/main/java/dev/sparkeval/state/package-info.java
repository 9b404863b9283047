/**
 * States: the mergeable statistics measures finish from (moments, weighted sums, confusion
 * counts, score histograms, overlap sums, ...), and their exact building blocks. Each folds a
 * row, merges exactly and refuses to merge an incompatible state. Order statistics ({@code
 * OrderStat}, its walks, {@code SpearmanStat}) keep exact layouts in the pass and are completed by
 * a sort job on Spark, or sort their distinct values in memory in plain Java. Plain Java.
 */
package dev.sparkeval.state;
