/**
 * The catalogue: one entry per loss or metric and task (name, tasks, parameters, documentation,
 * and the factory that binds a spec to its measure), grouped by task family ({@code Regression},
 * {@code RegressionPeers}, {@code Classification}, {@code BinaryPeers}, {@code Distribution},
 * {@code Embedding}, {@code Segmentation}), and
 * {@code Tasks}: per task the column shapes, option checks, row rule and report parts.
 * Adding a loss or metric is one entry here (plus its measure or state when none fits).
 */
package dev.sparkeval.catalog;
