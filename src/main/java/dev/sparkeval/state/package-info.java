/**
 * States: the mergeable statistics measures finish from (moments, weighted sums, confusion
 * counts, score histograms, overlap sums, ...), and their exact building blocks. Each folds a
 * row, merges exactly and refuses to merge an incompatible state. Plain Java.
 */
package dev.sparkeval.state;
