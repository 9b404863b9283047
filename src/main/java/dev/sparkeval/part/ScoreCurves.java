package dev.sparkeval.part;

import dev.sparkeval.core.ReportPart;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.state.ScoreHistogramStat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  @Override public Object finish(StatSet stats) {
    ScoreHistogramStat h = stats.get(PROTO);
    int n = ScoreHistogramStat.BINS;
    List<Double> neg = new ArrayList<>();
    List<Double> pos = new ArrayList<>();
    for (int b = 0; b < n; b++) {
      neg.add(h.weight(0, b));
      pos.add(h.weight(1, b));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("bins", n);
    out.put("negative", neg);
    out.put("positive", pos);
    out.put("calibration", calibration(h));
    return out;
  }

  private static Map<String, Object> calibration(ScoreHistogramStat h) {
    int cb = ScoreHistogramStat.CALIBRATION_BINS;
    int per = ScoreHistogramStat.BINS / cb;
    List<Object> rows = new ArrayList<>();
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
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("low", (double) i / cb);
      r.put("high", (double) (i + 1) / cb);
      r.put("weight", w[i]);
      r.put("mean_score", score);
      r.put("positive_rate", rate);
      rows.add(r);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("bins", cb);
    out.put("ece", total > 0 ? ece : null);
    out.put("table", rows);
    return out;
  }
}
