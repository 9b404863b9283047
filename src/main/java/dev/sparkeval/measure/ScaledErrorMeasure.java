package dev.sparkeval.measure;

import dev.sparkeval.core.Exact;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Value;
import dev.sparkeval.core.WeightStat;
import dev.sparkeval.loss.AbsoluteError;
import dev.sparkeval.loss.SquaredError;
import dev.sparkeval.state.ExtremeStat;
import dev.sparkeval.state.MomentStat;
import dev.sparkeval.state.WeightedSumStat;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * Errors scaled by a property of the labels, as TorchMetrics defines them (weights count rows):
 * nrmse (rmse over the labels' mean, range, population std or L2 norm), rse (sum of squared errors
 * over the labels' sum of squared deviations; its root with squared=false) and wmape (sum |y - p|
 * over sum |y|). TorchMetrics clamps the last two divisors at an epsilon; an exactly zero divisor is
 * reported undefined here instead of as a huge number.
 */
public final class ScaledErrorMeasure implements Measure {
  private final WeightStat weight = new WeightStat();
  private final List<Stat> needs;
  private final Function<StatSet, Value> f;

  private ScaledErrorMeasure(List<Stat> needs, Function<StatSet, Value> f) {
    this.needs = needs;
    this.f = f;
  }

  @Override public List<Stat> needs() { return needs; }

  @Override public Value finish(StatSet stats) {
    WeightStat w = stats.get(weight);
    if (w.count() == 0) return Value.undefined("no rows");
    if (w.weight().value() == 0) return Value.undefined("the sum of weights is 0");
    return f.apply(stats);
  }

  /** normalization: mean, range, std or l2. */
  public static ScaledErrorMeasure nrmse(String normalization) {
    WeightStat weight = new WeightStat();
    WeightedSumStat sse = new WeightedSumStat(new SquaredError());
    MomentStat label = new MomentStat(RegressionFunctions.LABEL);
    ExtremeStat range = new ExtremeStat(RegressionFunctions.LABEL);
    List<Stat> needs = normalization.equals("range") ? List.of(weight, sse, range) : List.of(weight, sse, label);
    return new ScaledErrorMeasure(needs, s -> {
      WeightStat w = s.get(weight);
      double rmse = Math.sqrt(Exact.ratio(s.get(sse).sum(), w.weight()));
      double denom = switch (normalization) {
        case "mean" -> Exact.ratio(s.get(label).sum(), w.weight());
        case "range" -> s.get(range).rows() == 0 ? 0.0 : s.get(range).max() - s.get(range).min();
        case "std" -> s.get(label).scaledVariance(w.weight()).sqrt(Exact.MC).divide(w.weight().exact(), Exact.MC).doubleValue();
        default -> Math.sqrt(s.get(label).sumOfSquares().value());
      };
      if (denom == 0) return Value.undefined("the labels' " + normalization + " is 0: nrmse divides by it");
      return Value.of(rmse / denom);
    });
  }

  public static ScaledErrorMeasure rse(boolean squared) {
    WeightStat weight = new WeightStat();
    WeightedSumStat sse = new WeightedSumStat(new SquaredError());
    MomentStat label = new MomentStat(RegressionFunctions.LABEL);
    double eps = Math.ulp(1.0); // torch.finfo(float64).eps
    return new ScaledErrorMeasure(List.of(weight, sse, label), s -> {
      WeightStat w = s.get(weight);
      BigDecimal spread = s.get(label).scaledVariance(w.weight()).divide(w.weight().exact(), Exact.MC);
      if (spread.signum() == 0) return Value.undefined("the labels are constant: the relative squared error divides by 0");
      BigDecimal den = spread.max(new BigDecimal(eps));
      double r = s.get(sse).sum().exact().divide(den, Exact.MC).doubleValue();
      return Value.of(squared ? r : Math.sqrt(r));
    });
  }

  public static ScaledErrorMeasure wmape() {
    WeightStat weight = new WeightStat();
    WeightedSumStat abs = new WeightedSumStat(new AbsoluteError());
    WeightedSumStat scale = new WeightedSumStat(RegressionFunctions.ABS_LABEL);
    return new ScaledErrorMeasure(List.of(weight, abs, scale), s -> {
      BigDecimal den = s.get(scale).sum().exact();
      if (den.signum() == 0) return Value.undefined("every label is 0: wmape divides by sum |y| = 0");
      return Value.of(s.get(abs).sum().exact().divide(den.max(new BigDecimal(RegressionFunctions.TM_EPS)), Exact.MC).doubleValue());
    });
  }

  /** sklearn max_error: the largest |y - p| (over rows of positive weight). */
  public static ScaledErrorMeasure maxError() {
    WeightStat weight = new WeightStat();
    ExtremeStat abs = new ExtremeStat(new AbsoluteError());
    return new ScaledErrorMeasure(List.of(weight, abs), s -> Value.of(s.get(abs).max()));
  }
}
