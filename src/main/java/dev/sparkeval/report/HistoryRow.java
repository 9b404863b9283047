package dev.sparkeval.report;

import java.time.Instant;

/**
 * One row of a metric history table: one value of one run in one slice. {@code slice} is the slice
 * as one JSON object string ({@code {"segment":"web"}}), null for the overall value; {@code name} is
 * the spec as given, or {@code drift.<column>.<statistic>}; {@code low} and {@code high} its
 * bootstrap interval (null without one); {@code rows} the rows it was computed on; {@code gateMin}
 * and {@code gateMax} the bounds of the run's gates on it (overall rows only, null without a gate).
 */
public record HistoryRow(String runId, Instant runTime, String input, String task, String slice, String name, Double value,
                         Double low, Double high, long rows, Double gateMin, Double gateMax) {}
