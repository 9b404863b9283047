package dev.sparkeval.measure;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.RowFunction;

/** Per-row quantities of the regression metrics (scikit-learn and TorchMetrics formulas, term by term). */
public final class RegressionFunctions {
  /** TorchMetrics' epsilon of smape and wmape. */
  static final double TM_EPS = 1.17e-06;

  private RegressionFunctions() {}

  static final RowFunction LABEL = VarianceRatioMeasure.LABEL;

  static final RowFunction PREDICTION = row("prediction", e -> e.prediction);

  static final RowFunction ABS_LABEL = row("abs_label", e -> Math.abs(e.label));

  /** (log1p(y) - log1p(p))^2, sklearn mean_squared_log_error's term. */
  public static final RowFunction SQUARED_LOG_ERROR = row("squared_log_error", e -> {
    double d = Math.log1p(e.label) - Math.log1p(e.prediction);
    return d * d;
  });

  /** 2 |y - p| / max(|y| + |p|, 1.17e-6), TorchMetrics' symmetric MAPE term. */
  public static final RowFunction SMAPE = row("smape", e ->
      2 * (Math.abs(e.prediction - e.label) / Math.max(Math.abs(e.label) + Math.abs(e.prediction), TM_EPS)));

  /** The unit deviance of sklearn's mean_tweedie_deviance, written as sklearn writes it. */
  public static RowFunction tweedie(double power) {
    return row("tweedie:power=" + power, e -> deviance(e.label, e.prediction, power));
  }

  static double deviance(double y, double mu, double p) {
    if (p == 0) return (y - mu) * (y - mu);
    if (p == 1) return 2 * (xlogy(y, y / mu) - y + mu);
    if (p == 2) return 2 * (Math.log(mu / y) + y / mu - 1);
    double yp = p < 0 ? Math.max(y, 0.0) : y;
    return 2 * (Math.pow(yp, 2 - p) / ((1 - p) * (2 - p)) - y * Math.pow(mu, 1 - p) / (1 - p) + Math.pow(mu, 2 - p) / (2 - p));
  }

  /** scipy.special.xlogy: 0 when x is 0. */
  static double xlogy(double x, double y) {
    return x == 0 ? 0.0 : x * Math.log(y);
  }

  /**
   * The label term of the deviance of a constant prediction (d2_tweedie's null model): with it,
   * the sum of w y and the weight, sum w dev(y, c) is a formula in c (see {@link D2TweedieMeasure}).
   */
  static RowFunction nullTerm(double power) {
    if (power == 1) return row("xlogy_label", e -> xlogy(e.label, e.label));
    if (power == 2) return row("log_label", e -> Math.log(e.label));
    return row("label_pow:" + (2 - power), e -> Math.pow(power < 0 ? Math.max(e.label, 0.0) : e.label, 2 - power));
  }

  interface Term extends java.io.Serializable {
    double of(Example e);
  }

  static RowFunction row(String key, Term t) {
    return new RowFunction() {
      private static final long serialVersionUID = 1L;
      @Override public String key() { return key; }
      @Override public double apply(Example e) { return t.of(e); }
    };
  }
}
