package dev.sparkeval.measure;

import dev.sparkeval.core.Batch;
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
 * R^2 and explained variance, as scikit-learn defines them (force_finite: a constant label
 * gives 1 for a perfect fit and 0 otherwise), computed from exact one-pass moments:
 * r2 = 1 - W sum(w e^2) / (W sum(w y^2) - sum(w y)^2) and
 * explained_variance = 1 - (W sum(w e^2) - sum(w e)^2) / (W sum(w y^2) - sum(w y)^2).
 */
public final class VarianceRatioMeasure implements Measure {
  static final RowFunction LABEL = new RowFunction() {
    private static final long serialVersionUID = 1L;
    @Override public String key() { return "label"; }
    @Override public double apply(Example e) { return e.label; }
    @Override public void apply(Batch b, double[] out) { System.arraycopy(b.label, 0, out, 0, b.size); }
  };
  static final RowFunction RESIDUAL = new RowFunction() {
    private static final long serialVersionUID = 1L;
    @Override public String key() { return "residual"; }
    @Override public double apply(Example e) { return e.label - e.prediction; }
    @Override public void apply(Batch b, double[] out) {
      double[] y = b.label, p = b.prediction;
      for (int i = 0; i < b.size; i++) out[i] = y[i] - p[i];
    }
  };

  private final boolean explained;
  private final WeightStat weight = new WeightStat();
  private final MomentStat label = new MomentStat(LABEL);
  private final MomentStat residual = new MomentStat(RESIDUAL);
  private final WeightedSumStat squared = new WeightedSumStat(new SquaredError());

  private VarianceRatioMeasure(boolean explained) {
    this.explained = explained;
  }

  public static VarianceRatioMeasure r2() {
    return new VarianceRatioMeasure(false);
  }

  public static VarianceRatioMeasure explainedVariance() {
    return new VarianceRatioMeasure(true);
  }

  @Override public List<Stat> needs() {
    return explained ? List.of(weight, label, residual) : List.of(weight, label, squared);
  }

  @Override public Value finish(StatSet stats) {
    WeightStat w = stats.get(weight);
    if (w.count() < 2) return Value.undefined("needs at least two rows, got " + w.count());
    if (w.weight().value() == 0) return Value.undefined("the sum of weights is 0");
    BigDecimal total = stats.get(label).scaledVariance(w.weight());
    BigDecimal unexplained = explained
        ? stats.get(residual).scaledVariance(w.weight())
        : w.weight().exact().multiply(stats.get(squared).sum().exact());
    if (unexplained.signum() == 0) return Value.of(1.0);
    if (total.signum() == 0) return Value.of(0.0);
    return Value.of(BigDecimal.ONE.subtract(unexplained.divide(total, Exact.MC)).doubleValue());
  }
}
