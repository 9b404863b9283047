/**
 * Report parts: mergeable states folded once per pass that become report blocks beside the
 * losses and metrics (confusion_matrix and per_class, residual plots, score curves).
 */
package dev.sparkeval.part;
