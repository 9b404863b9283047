/**
 * Measures: the finishing formulas that turn shared states into one value each (a weighted
 * mean, a ratio, a variance ratio, the confusion-count metrics, precision/recall/F, AUC, ...).
 * Measures live on the driver; their states travel. Plain Java.
 */
package dev.sparkeval.measure;
