package dev.sparkeval.part;

import dev.sparkeval.core.ReportPart;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.state.ScoreHistogramStat;
import java.util.ArrayList;
import java.util.List;

/**
 * The report block {@code curves} for binary tasks: the score histogram per true class (what the
 * report's ROC and precision-recall curves are drawn from) and the reliability table with its
 * expected calibration error over {@link ScoreHistogramStat#CALIBRATION_BINS} equal-width bins.
 */
public final class ScoreCurves implements ReportPart {
  @Override public boolean overallOnly() {
    return true;
  }

  public static final String KEY = "curves";
  private static final ScoreHistogramStat PROTO = new ScoreHistogramStat();

  @Override public String key() { return KEY; }

  @Override public List<Stat> needs() { return List.of(PROTO); }

  /** The block: weight per score bin for each true class, and the reliability table. */
  public record Curves(int bins, List<Double> negative, List<Double> positive, Calibration calibration) {}

  /** The reliability table over equal-width score bins, and its ECE (null without rows). */
  public record Calibration(int bins, Double ece, List<Bin> table) {}

  /** One non-empty calibration bin [low, high): its weight, mean score and observed positive rate. */
  public record Bin(double low, double high, double weight, double meanScore, double positiveRate) {}

  @Override public Curves finish(StatSet stats) {
    ScoreHistogramStat h = stats.get(PROTO);
    int n = ScoreHistogramStat.BINS;
    List<Double> neg = new ArrayList<>();
    List<Double> pos = new ArrayList<>();
    for (int b = 0; b < n; b++) {
      neg.add(h.weight(0, b));
      pos.add(h.weight(1, b));
    }
    return new Curves(n, neg, pos, calibration(h));
  }

  private static Calibration calibration(ScoreHistogramStat h) {
    int cb = ScoreHistogramStat.CALIBRATION_BINS;
    int per = ScoreHistogramStat.BINS / cb;
    List<Bin> rows = new ArrayList<>();
    double total = 0;
    double[] w = new double[cb];
    double[] p = new double[cb];
    for (int i = 0; i < cb; i++) {
      for (int b = i * per; b < (i + 1) * per; b++) {
        w[i] += h.weight(0, b) + h.weight(1, b);
        p[i] += h.weight(1, b);
      }
      total += w[i];
    }
    double ece = 0;
    for (int i = 0; i < cb; i++) {
      if (w[i] == 0) continue;
      double score = h.scoreSum(i).value() / w[i];
      double rate = p[i] / w[i];
      ece += w[i] / total * Math.abs(rate - score);
      rows.add(new Bin((double) i / cb, (double) (i + 1) / cb, w[i], score, rate));
    }
    return new Calibration(cb, total > 0 ? ece : null, rows);
  }
}
