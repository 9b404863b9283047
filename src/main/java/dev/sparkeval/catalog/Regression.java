package dev.sparkeval.catalog;

import static dev.sparkeval.core.Entry.loss;
import static dev.sparkeval.core.Entry.metric;

import dev.sparkeval.core.Entry;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Param;
import dev.sparkeval.core.Params;
import dev.sparkeval.core.RowFunction;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.loss.AbsoluteError;
import dev.sparkeval.loss.Huber;
import dev.sparkeval.loss.LogCosh;
import dev.sparkeval.loss.Pinball;
import dev.sparkeval.loss.PoissonNll;
import dev.sparkeval.loss.SmoothL1;
import dev.sparkeval.loss.SquaredError;
import dev.sparkeval.measure.CorrelationMeasure;
import dev.sparkeval.measure.D2TweedieMeasure;
import dev.sparkeval.measure.Domain;
import dev.sparkeval.measure.MeanMeasure;
import dev.sparkeval.measure.QuantileMeasure;
import dev.sparkeval.measure.RegressionFunctions;
import dev.sparkeval.measure.ScaledErrorMeasure;
import dev.sparkeval.measure.SpearmanMeasure;
import dev.sparkeval.measure.SumMeasure;
import dev.sparkeval.measure.VarianceRatioMeasure;
import java.util.ArrayList;
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
    List<Entry> all = new ArrayList<>(basic());
    all.addAll(peers());
    return all;
  }

  private static List<Entry> basic() {
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

  /** sklearn's power: <= 0 or >= 1 (there is no Tweedie distribution in between). */
  static double power(Params p) {
    double power = p.dbl("power");
    if (power > 0 && power < 1) {
      throw new UsageException("tweedie: power must be <= 0 or >= 1 (no Tweedie distribution lies in between), got " + p.str("power"));
    }
    return power;
  }

  /** sklearn mean_tweedie_deviance's domain: predictions > 0 (but for power 0); labels >= 0 up to power 2, > 0 beyond. */
  static Measure tweedieDomain(Measure m, String name, double power) {
    String why = "Tweedie deviance with power " + power + ", as sklearn's mean_tweedie_deviance";
    if (power == 0) return m;
    if (power < 0) return Domain.checked(m, name, why, Domain.prediction(0, false));
    return Domain.checked(m, name, why, Domain.label(0, power < 2), Domain.prediction(0, false));
  }

  static Measure msle(boolean root) {
    Measure m = root ? new MeanMeasure(RegressionFunctions.SQUARED_LOG_ERROR, Math::sqrt) : new MeanMeasure(RegressionFunctions.SQUARED_LOG_ERROR);
    return Domain.checked(m, root ? "rmsle" : "msle", "it takes log1p, as sklearn's mean_squared_log_error",
        Domain.label(-1, false), Domain.prediction(-1, false));
  }

  static Measure poissonNll(Params p) {
    boolean log = p.bool("log_input");
    Measure m = new MeanMeasure(new PoissonNll(log, p.bool("full"), p.dbl("eps", 0, false, 1, false)));
    return log ? m : Domain.checked(m, "poisson_nll", "rates, with log_input=false", Domain.prediction(0, true));
  }

  private static List<Entry> peers() {
    Param power = new Param("power", "0", "Tweedie power: <= 0, or >= 1 (0 normal, 1 Poisson, 2 Gamma)");
    return List.of(
        loss("poisson_nll", REG, "torch.nn.PoissonNLLLoss: exp(p) - y p with log_input, p - y log(p + eps) without; full adds Stirling's term",
            (t, p, o) -> poissonNll(p), new Param("log_input", "true", "the prediction is the log of the rate"),
            new Param("full", "false", "add y log y - y + log(2 pi y) / 2 where y > 1"), new Param("eps", "1e-8", "added to p inside the log without log_input")),
        metric("max_error", REG, "the largest |y - p| (sklearn max_error; with --weight over rows of positive weight)",
            (t, p, o) -> ScaledErrorMeasure.maxError()),
        metric("median_absolute_error", REG, "weighted median of |y - p| (sklearn median_absolute_error); exact, one sort job",
            (t, p, o) -> QuantileMeasure.medianAbsoluteError()),
        metric("msle", REG, "mean of (log1p(y) - log1p(p))^2 (sklearn mean_squared_log_error); values > -1",
            (t, p, o) -> msle(false)),
        metric("rmsle", REG, "sqrt(msle) (sklearn root_mean_squared_log_error)", (t, p, o) -> msle(true)),
        metric("tweedie", REG, "mean Tweedie deviance (sklearn mean_tweedie_deviance)",
            (t, p, o) -> tweedieDomain(new MeanMeasure(RegressionFunctions.tweedie(power(p))), "tweedie", power(p)), power),
        metric("poisson_deviance", REG, "mean Poisson deviance, Tweedie power 1 (sklearn mean_poisson_deviance)",
            (t, p, o) -> tweedieDomain(new MeanMeasure(RegressionFunctions.tweedie(1)), "poisson_deviance", 1)),
        metric("gamma_deviance", REG, "mean Gamma deviance, Tweedie power 2 (sklearn mean_gamma_deviance)",
            (t, p, o) -> tweedieDomain(new MeanMeasure(RegressionFunctions.tweedie(2)), "gamma_deviance", 2)),
        metric("d2_tweedie", REG, "1 - deviance / deviance of the mean label (sklearn d2_tweedie_score)",
            (t, p, o) -> tweedieDomain(new D2TweedieMeasure(power(p)), "d2_tweedie", power(p)), power),
        metric("d2_poisson", REG, "d2_tweedie with power 1", (t, p, o) -> tweedieDomain(new D2TweedieMeasure(1), "d2_poisson", 1)),
        metric("d2_gamma", REG, "d2_tweedie with power 2", (t, p, o) -> tweedieDomain(new D2TweedieMeasure(2), "d2_gamma", 2)),
        metric("d2_absolute_error", REG, "1 - MAE / MAE of the median label (sklearn d2_absolute_error_score); exact, one sort job",
            (t, p, o) -> QuantileMeasure.d2Pinball(0.5)),
        metric("d2_pinball", REG, "1 - pinball loss / pinball loss of the alpha-quantile label (sklearn d2_pinball_score); exact, one sort job",
            (t, p, o) -> QuantileMeasure.d2Pinball(p.dbl("alpha", 0, false, 1, false)), new Param("alpha", "0.5", "the quantile, in [0, 1]")),
        metric("pearson", REG, "Pearson's correlation of labels and predictions (scipy pearsonr, TorchMetrics PearsonCorrCoef)",
            (t, p, o) -> CorrelationMeasure.pearson()),
        metric("spearman", REG, "Spearman's rank correlation, ties at mid-rank (scipy spearmanr); exact, one sort job of two sorts",
            (t, p, o) -> new SpearmanMeasure()),
        metric("concordance", REG, "Lin's concordance correlation with sample variances (TorchMetrics ConcordanceCorrCoef)",
            (t, p, o) -> CorrelationMeasure.concordance()),
        metric("smape", REG, "mean of 2 |y - p| / max(|y| + |p|, 1.17e-6), in [0, 2] (TorchMetrics SymmetricMeanAbsolutePercentageError)",
            (t, p, o) -> new MeanMeasure(RegressionFunctions.SMAPE)),
        metric("wmape", REG, "sum |y - p| / sum |y| (TorchMetrics WeightedMeanAbsolutePercentageError)",
            (t, p, o) -> ScaledErrorMeasure.wmape()),
        metric("nrmse", REG, "rmse over the labels' mean, range, population std or L2 norm (TorchMetrics NormalizedRootMeanSquaredError)",
            (t, p, o) -> ScaledErrorMeasure.nrmse(p.choice("normalization", List.of("mean", "range", "std", "l2"))),
            new Param("normalization", "mean", "mean, range (max - min), std (population) or l2 (sqrt of sum y^2)")),
        metric("rse", REG, "relative squared error, sum (y - p)^2 / sum (y - mean y)^2 (TorchMetrics RelativeSquaredError)",
            (t, p, o) -> ScaledErrorMeasure.rse(p.bool("squared")), new Param("squared", "true", "false: its square root")));
  }
}
