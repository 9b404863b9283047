package dev.sparkeval.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * report.json's {@code baseline} (overall, and in each slice's entry): the baseline run's values with
 * the same keys as {@code losses} and {@code metrics}, and for each value the change (this run minus
 * the baseline; null when either is undefined or the baseline lacks it, with the reason in
 * {@code missing}). With bootstrap intervals in this run, {@code change_intervals} holds a 95%
 * interval of each change and {@code significant} whether it excludes zero; {@code interval_method}
 * says how it was made ({@link BaselineChange}). {@code source}, {@code input} and {@code note} are
 * given overall only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BaselineBlock(String source, String input, Map<String, Double> losses, Map<String, Double> metrics,
                            Map<String, Double> change, Map<String, List<Double>> changeIntervals,
                            Map<String, Boolean> significant, String intervalMethod, Map<String, String> missing,
                            String note) {}
