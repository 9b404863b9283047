package dev.sparkeval.measure;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Value;
import dev.sparkeval.core.WeightStat;
import dev.sparkeval.state.CrossMomentStat;
import dev.sparkeval.state.MomentStat;
import java.math.BigDecimal;
import java.util.List;

/**
 * Pearson's correlation (scipy.stats.pearsonr, TorchMetrics PearsonCorrCoef) and Lin's concordance
 * correlation as TorchMetrics ConcordanceCorrCoef computes it: 2 s_yp / (s_y^2 + s_p^2 + (mean_y -
 * mean_p)^2) with sample (n - 1) variances. Weights count rows (frequency weights: n is the weight
 * sum). From exact one-pass moments; with W the weight sum, Syy = W sum(w y^2) - sum(w y)^2 and so on:
 *   pearson = Syp / sqrt(Syy Spp),  concordance = 2 Syp / (Syy + Spp + (W - 1)(sum(w p) - sum(w y))^2 / W).
 */
public final class CorrelationMeasure implements Measure {
  private final boolean concordance;
  private final WeightStat weight = new WeightStat();
  private final MomentStat y = new MomentStat(RegressionFunctions.LABEL);
  private final MomentStat p = new MomentStat(RegressionFunctions.PREDICTION);
  private final CrossMomentStat yp = new CrossMomentStat(RegressionFunctions.LABEL, RegressionFunctions.PREDICTION);

  private CorrelationMeasure(boolean concordance) {
    this.concordance = concordance;
  }

  public static CorrelationMeasure pearson() { return new CorrelationMeasure(false); }

  public static CorrelationMeasure concordance() { return new CorrelationMeasure(true); }

  @Override public List<Stat> needs() { return List.of(weight, y, p, yp); }

  @Override public Value finish(StatSet stats) {
    WeightStat ws = stats.get(weight);
    if (ws.count() < 2) return Value.undefined("needs at least two rows, got " + ws.count());
    BigDecimal w = ws.weight().exact();
    if (w.signum() == 0) return Value.undefined("the sum of weights is 0");
    MomentStat my = stats.get(y), mp = stats.get(p);
    BigDecimal sy = my.sum().exact(), sp = mp.sum().exact();
    BigDecimal syy = my.scaledVariance(ws.weight()), spp = mp.scaledVariance(ws.weight());
    BigDecimal syp = w.multiply(stats.get(yp).sum().exact()).subtract(sy.multiply(sp));
    if (syy.signum() == 0) return Value.undefined("the labels are constant: the correlation is 0/0");
    if (spp.signum() == 0) return Value.undefined("the predictions are constant: the correlation is 0/0");
    if (!concordance) return Value.of(syp.divide(syy.multiply(spp).sqrt(Exact.MC), Exact.MC).doubleValue());
    BigDecimal wm1 = w.subtract(BigDecimal.ONE);
    if (wm1.signum() <= 0) {
      return Value.undefined("needs a weight sum above 1 (the sample variances divide by n - 1, as TorchMetrics'), got " + w);
    }
    BigDecimal d = sp.subtract(sy);
    BigDecimal den = syy.add(spp).add(wm1.multiply(d.multiply(d)).divide(w, Exact.MC), Exact.MC);
    return Value.of(BigDecimal.valueOf(2).multiply(syp).divide(den, Exact.MC).doubleValue());
  }
}
