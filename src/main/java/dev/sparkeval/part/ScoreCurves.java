package dev.sparkeval.part;

import dev.sparkeval.core.ReportPart;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.state.CalibrationStat;
import dev.sparkeval.state.ScoreHistogramStat;
import java.util.ArrayList;
import java.util.List;

/**
 * The report block {@code curves} for binary tasks: the score histogram per true class (what the
 * report's ROC and precision-recall curves are drawn from) and the reliability table with its
 * expected calibration error, over the bins of the {@code ece} metric asked for (15, its default,
 * otherwise), so that the chart and the metric agree.
 */
public final class ScoreCurves implements ReportPart {
  public static final String KEY = "curves";
  /** The bins of the reliability table when no ece metric names others: TorchMetrics' default, as ece's. */
  public static final int DEFAULT_CALIBRATION_BINS = 15;
  private static final ScoreHistogramStat PROTO = new ScoreHistogramStat();
  private final CalibrationStat calibration;

  public ScoreCurves() {
    this(DEFAULT_CALIBRATION_BINS);
  }

  public ScoreCurves(int calibrationBins) {
    this.calibration = new CalibrationStat(calibrationBins);
  }

  @Override public boolean overallOnly() {
    return true;
  }

  @Override public String key() { return KEY; }

  @Override public List<Stat> needs() { return List.of(PROTO, calibration); }

  /** The block: weight per score bin for each true class, and the reliability table. */
  public record Curves(int bins, List<Double> negative, List<Double> positive, Calibration calibration) {}

  /** The reliability table over equal-width score bins, and its ECE (null without weight). */
  public record Calibration(int bins, Double ece, List<Bin> table) {}

  /** One non-empty calibration bin [low, high): its rows and weight, mean score and observed positive rate. */
  public record Bin(double low, double high, long rows, double weight, double meanScore, double positiveRate) {}

  @Override public Curves finish(StatSet stats) {
    ScoreHistogramStat h = stats.get(PROTO);
    int n = ScoreHistogramStat.BINS;
    List<Double> neg = new ArrayList<>();
    List<Double> pos = new ArrayList<>();
    for (int b = 0; b < n; b++) {
      neg.add(h.weight(0, b));
      pos.add(h.weight(1, b));
    }
    return new Curves(n, neg, pos, calibration(stats.get(calibration)));
  }

  private static Calibration calibration(CalibrationStat c) {
    int bins = c.bins();
    List<Bin> rows = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      if (c.weight(b) == 0) continue; // an empty bin, or one of zero weight: no rate to show
      rows.add(new Bin((double) b / bins, (double) (b + 1) / bins, c.rows(b), c.weight(b), c.meanScore(b), c.positiveRate(b)));
    }
    return new Calibration(bins, c.ece(), rows);
  }
}
