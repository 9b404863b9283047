package dev.sparkeval.measure;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.RowFunction;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Value;
import dev.sparkeval.core.WeightStat;
import dev.sparkeval.loss.SquaredError;
import dev.sparkeval.state.MomentStat;
import dev.sparkeval.state.WeightedSumStat;
import java.math.BigDecimal;
import java.util.List;

/**
 * Two regression quantities of MLlib's RegressionMetrics that scikit-learn does not define, from
 * exact one-pass moments: R^2 through the origin, 1 - sum w e^2 / sum w y^2 (throughOrigin), and
 * the variance the predictions explain about the label mean, sum w (p - mean y)^2 / sum w
 * (RegressionEvaluator's "var", RegressionMetrics.explainedVariance).
 */
public final class MllibRegression implements Measure {
  static final RowFunction PREDICTION = new RowFunction() {
    private static final long serialVersionUID = 1L;
    @Override public String key() { return "prediction"; }
    @Override public double apply(Example e) { return e.prediction; }
  };

  private final boolean throughOrigin;
  private final WeightStat weight = new WeightStat();
  private final MomentStat label = new MomentStat(VarianceRatioMeasure.LABEL);
  private final MomentStat prediction = new MomentStat(PREDICTION);
  private final WeightedSumStat squared = new WeightedSumStat(new SquaredError());

  private MllibRegression(boolean throughOrigin) {
    this.throughOrigin = throughOrigin;
  }

  public static MllibRegression r2ThroughOrigin() {
    return new MllibRegression(true);
  }

  public static MllibRegression regressionVariance() {
    return new MllibRegression(false);
  }

  @Override public List<Stat> needs() {
    return throughOrigin ? List.of(weight, label, squared) : List.of(weight, label, prediction);
  }

  @Override public Value finish(StatSet stats) {
    WeightStat w = stats.get(weight);
    if (w.count() == 0) return Value.undefined("no rows");
    BigDecimal total = w.weight().exact();
    if (total.signum() == 0) return Value.undefined("the sum of weights is 0");
    MomentStat y = stats.get(label);
    if (throughOrigin) {
      BigDecimal yy = y.sumOfSquares().exact();
      if (yy.signum() == 0) return Value.undefined("every label is 0, so R^2 through the origin is 0/0");
      BigDecimal ee = stats.get(squared).sum().exact();
      return Value.of(BigDecimal.ONE.subtract(ee.divide(yy, Exact.MC)).doubleValue());
    }
    MomentStat p = stats.get(prediction);
    BigDecimal sy = y.sum().exact(), sp = p.sum().exact(), spp = p.sumOfSquares().exact();
    // sum w (p - sy/W)^2 / W = (W spp - 2 sy sp + sy^2) / W^2
    BigDecimal num = total.multiply(spp).subtract(sy.multiply(sp).multiply(BigDecimal.valueOf(2))).add(sy.multiply(sy));
    return Value.of(num.divide(total.multiply(total), Exact.MC).doubleValue());
  }
}
