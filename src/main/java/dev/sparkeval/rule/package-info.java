/**
 * Row rules: the per-task checks that turn an impossible row (a label out of range, a vector of
 * the wrong length, probabilities that do not sum to 1) into a named bad row, and that
 * normalise a good row before the states see it (logits to probabilities, 2-element vectors).
 */
package dev.sparkeval.rule;
