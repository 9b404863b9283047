package dev.sparkeval.catalog;

import static dev.sparkeval.core.Entry.loss;
import static dev.sparkeval.core.Entry.metric;

import dev.sparkeval.core.Batch;
import dev.sparkeval.core.Direction;
import dev.sparkeval.core.Entry;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Param;
import dev.sparkeval.core.Params;
import dev.sparkeval.core.Reduction;
import dev.sparkeval.core.RowFunction;
import dev.sparkeval.core.Task;
import dev.sparkeval.loss.AbsoluteError;
import dev.sparkeval.loss.Huber;
import dev.sparkeval.loss.LogCosh;
import dev.sparkeval.loss.Pinball;
import dev.sparkeval.loss.PointLoss;
import dev.sparkeval.loss.SmoothL1;
import dev.sparkeval.loss.SquaredError;
import dev.sparkeval.measure.MeanMeasure;
import dev.sparkeval.measure.MllibRegression;
import dev.sparkeval.measure.Measures;
import dev.sparkeval.measure.VarianceRatioMeasure;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

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
    @Override public void apply(Batch b, double[] out) {
      double[] y = b.label, p = b.prediction;
      for (int i = 0; i < b.size; i++) out[i] = Math.abs(y[i] - p[i]) / Math.max(Math.abs(y[i]), EPS);
    }
  };

  static final RowFunction ERROR = new RowFunction() {
    private static final long serialVersionUID = 1L;
    @Override public String key() { return "error"; }
    @Override public double apply(Example e) { return e.prediction - e.label; }
    @Override public void apply(Batch b, double[] out) {
      double[] y = b.label, p = b.prediction;
      for (int i = 0; i < b.size; i++) out[i] = p[i] - y[i];
    }
  };

  public static List<Entry> entries() {
    return List.of(
        trainable("mse", "mean squared error, mean of (y - p)^2 (torch.nn.MSELoss)",
            p -> new SquaredError(), Reduction.MEAN),
        trainable("sse", "one half of the sum of squared errors, 0.5 * sum (y - p)^2",
            p -> new SquaredError(), Reduction.HALF_SUM),
        trainable("rmse", "root mean squared error, sqrt(mse)",
            p -> new SquaredError(), Reduction.ROOT_MEAN),
        trainable("mae", "mean absolute error, mean of |y - p| (torch.nn.L1Loss)",
            p -> new AbsoluteError(), Reduction.MEAN),
        trainable("huber", "torch.nn.HuberLoss: quadratic within delta of the label, linear beyond",
            p -> new Huber(p.dbl("delta", 0, true, Double.POSITIVE_INFINITY, true)), Reduction.MEAN,
            new Param("delta", "1", "where the loss turns from quadratic to linear; > 0")),
        trainable("smooth_l1", "torch.nn.SmoothL1Loss: 0.5 d^2 / beta within beta, |d| - beta/2 beyond",
            p -> new SmoothL1(p.dbl("beta", 0, false, Double.POSITIVE_INFINITY, true)), Reduction.MEAN,
            new Param("beta", "1", "the threshold; >= 0 (0 gives the L1 loss)")),
        trainable("log_cosh", "mean of log(cosh(p - y)), computed stably for large errors",
            p -> new LogCosh(), Reduction.MEAN),
        trainable("quantile", "pinball loss max(q (y - p), (q - 1)(y - p)) (sklearn mean_pinball_loss)",
            p -> new Pinball(p.dbl("q", 0, false, 1, false)), Reduction.MEAN,
            new Param("q", "0.5", "the quantile, in [0, 1]; 0.5 gives half the MAE")),
        metric("r2", REG, "coefficient of determination, 1 - SS_res / SS_tot (sklearn r2_score)", Direction.LARGER,
            (t, p, o) -> p.bool("through_origin") ? MllibRegression.r2ThroughOrigin() : VarianceRatioMeasure.r2(),
            new Param("through_origin", "false", "true: 1 - sum e^2 / sum y^2, R^2 of a model without intercept"
                + " (MLlib's throughOrigin)")).refusesTraining(Untrainable.VARIANCE_RATIO, "mse"),
        metric("explained_variance", REG, "1 - Var(y - p) / Var(y) (sklearn explained_variance_score)", Direction.LARGER,
            (t, p, o) -> VarianceRatioMeasure.explainedVariance()).refusesTraining(Untrainable.VARIANCE_RATIO, "mse"),
        metric("regression_variance", REG, "sum w (p - mean y)^2 / sum w, the variance of the predictions about the label"
            + " mean (MLlib RegressionEvaluator's var; not sklearn's explained_variance)", Direction.LARGER,
            (t, p, o) -> MllibRegression.regressionVariance()).refusesTraining(Untrainable.EVALUATION_ONLY, "mse"),
        metric("mape", REG, "mean of |y - p| / max(|y|, eps), a fraction not a percentage (sklearn)", Direction.SMALLER,
            (t, p, o) -> new MeanMeasure(APE)).refusesTraining(Untrainable.EVALUATION_ONLY, "mae"),
        metric("mean_error", REG, "mean of p - y: the bias; positive means predictions run high", Direction.CLOSEST_TO_ZERO,
            (t, p, o) -> new MeanMeasure(ERROR)).refusesTraining(Untrainable.UNBOUNDED, "mse"));
  }

  /** A regression loss that models train on: the evaluation measure and the training objective reduce the same row loss. */
  private static Entry trainable(String name, String doc, Function<Params, PointLoss> loss, Reduction r, Param... params) {
    return loss(name, REG, doc, (t, p, o) -> Measures.reduce(loss.apply(p), r), params).trains(r, (t, p, o) -> loss.apply(p));
  }
}
