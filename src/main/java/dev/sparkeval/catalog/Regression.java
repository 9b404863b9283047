package dev.sparkeval.catalog;

import static dev.sparkeval.core.Entry.loss;
import static dev.sparkeval.core.Entry.metric;

import dev.sparkeval.core.Entry;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Param;
import dev.sparkeval.core.RowFunction;
import dev.sparkeval.core.Task;
import dev.sparkeval.loss.AbsoluteError;
import dev.sparkeval.loss.Huber;
import dev.sparkeval.loss.LogCosh;
import dev.sparkeval.loss.Pinball;
import dev.sparkeval.loss.SmoothL1;
import dev.sparkeval.loss.SquaredError;
import dev.sparkeval.measure.MeanMeasure;
import dev.sparkeval.measure.SumMeasure;
import dev.sparkeval.measure.VarianceRatioMeasure;
import java.util.List;
import java.util.Set;

/** The regression losses (PyTorch semantics) and metrics (scikit-learn semantics). */
public final class Regression {
  private static final Set<Task> REG = Set.of(Task.REGRESSION);
  private static final double EPS = Math.ulp(1.0); // numpy.finfo(float64).eps, as sklearn's MAPE uses

  private Regression() {}

  static final RowFunction APE = new RowFunction() {
    private static final long serialVersionUID = 1L;
    @Override public String key() { return "absolute_percentage_error"; }
    @Override public double apply(Example e) {
      return Math.abs(e.label - e.prediction) / Math.max(Math.abs(e.label), EPS);
    }
  };

  static final RowFunction ERROR = new RowFunction() {
    private static final long serialVersionUID = 1L;
    @Override public String key() { return "error"; }
    @Override public double apply(Example e) { return e.prediction - e.label; }
  };

  public static List<Entry> entries() {
    return List.of(
        loss("mse", REG, "mean squared error, mean of (y - p)^2 (torch.nn.MSELoss)",
            (t, p, o) -> new MeanMeasure(new SquaredError())),
        loss("sse", REG, "one half of the sum of squared errors, 0.5 * sum (y - p)^2",
            (t, p, o) -> new SumMeasure(new SquaredError(), 0.5)),
        loss("rmse", REG, "root mean squared error, sqrt(mse)",
            (t, p, o) -> new MeanMeasure(new SquaredError(), Math::sqrt)),
        loss("mae", REG, "mean absolute error, mean of |y - p| (torch.nn.L1Loss)",
            (t, p, o) -> new MeanMeasure(new AbsoluteError())),
        loss("huber", REG, "torch.nn.HuberLoss: quadratic within delta of the label, linear beyond",
            (t, p, o) -> new MeanMeasure(new Huber(p.dbl("delta", 0, true, Double.POSITIVE_INFINITY, true))),
            new Param("delta", "1", "where the loss turns from quadratic to linear; > 0")),
        loss("smooth_l1", REG, "torch.nn.SmoothL1Loss: 0.5 d^2 / beta within beta, |d| - beta/2 beyond",
            (t, p, o) -> new MeanMeasure(new SmoothL1(p.dbl("beta", 0, false, Double.POSITIVE_INFINITY, true))),
            new Param("beta", "1", "the threshold; >= 0 (0 gives the L1 loss)")),
        loss("log_cosh", REG, "mean of log(cosh(p - y)), computed stably for large errors",
            (t, p, o) -> new MeanMeasure(new LogCosh())),
        loss("quantile", REG, "pinball loss max(q (y - p), (q - 1)(y - p)) (sklearn mean_pinball_loss)",
            (t, p, o) -> new MeanMeasure(new Pinball(p.dbl("q", 0, false, 1, false))),
            new Param("q", "0.5", "the quantile, in [0, 1]; 0.5 gives half the MAE")),
        metric("r2", REG, "coefficient of determination, 1 - SS_res / SS_tot (sklearn r2_score)",
            (t, p, o) -> VarianceRatioMeasure.r2()),
        metric("explained_variance", REG, "1 - Var(y - p) / Var(y) (sklearn explained_variance_score)",
            (t, p, o) -> VarianceRatioMeasure.explainedVariance()),
        metric("mape", REG, "mean of |y - p| / max(|y|, eps), a fraction not a percentage (sklearn)",
            (t, p, o) -> new MeanMeasure(APE)),
        metric("mean_error", REG, "mean of p - y: the bias; positive means predictions run high",
            (t, p, o) -> new MeanMeasure(ERROR)));
  }
}
