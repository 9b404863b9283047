package dev.sparkeval.drift;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The drift of one column (report.json's {@code drift.<column>}): the two-sample statistics of the
 * current table against the reference, null with the reason in {@code undefined} when a side has no
 * rows or no weight. {@code deciles} are the reference's nine cuts, {@code bins} the weight share
 * of each side in the ten bins between them (what PSI and JS compare); {@code histogram}, overall
 * only, draws both distributions on equal-width bins.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Drift(@JsonInclude(JsonInclude.Include.ALWAYS) Double ks,
                    @JsonInclude(JsonInclude.Include.ALWAYS) Double wasserstein,
                    @JsonInclude(JsonInclude.Include.ALWAYS) Double psi,
                    @JsonInclude(JsonInclude.Include.ALWAYS) Double js,
                    Sides rows, Sides missing, List<Double> deciles, Shares bins, Histogram histogram, String undefined) {

  /** A count per side. */
  public record Sides(long current, long reference) {}

  /** Weight shares per bin, each side summing to 1. */
  public record Shares(List<Double> reference, List<Double> current) {}

  /** Weight shares on equal-width bins between {@code edges}. */
  public record Histogram(List<Double> edges, List<Double> reference, List<Double> current) {}

  /** No value: a side is empty. */
  public static Drift undefined(Sides rows, Sides missing, String why) {
    return new Drift(null, null, null, null, rows, missing, null, null, null, why);
  }

  /** The same drift without the chart data (slices carry the numbers only). */
  public Drift withoutHistogram() {
    return new Drift(ks, wasserstein, psi, js, rows, missing, deciles, bins, null, undefined);
  }
}
