package dev.sparkeval.catalog;

import static dev.sparkeval.core.Entry.loss;
import static dev.sparkeval.core.Entry.metric;

import dev.sparkeval.core.Direction;
import dev.sparkeval.core.Entry;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Param;
import dev.sparkeval.core.Params;
import dev.sparkeval.core.Reduction;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.loss.PoissonNll;
import dev.sparkeval.measure.CorrelationMeasure;
import dev.sparkeval.measure.D2TweedieMeasure;
import dev.sparkeval.measure.Domain;
import dev.sparkeval.measure.MeanMeasure;
import dev.sparkeval.measure.Measures;
import dev.sparkeval.measure.QuantileMeasure;
import dev.sparkeval.measure.RegressionFunctions;
import dev.sparkeval.measure.ScaledErrorMeasure;
import dev.sparkeval.measure.SpearmanMeasure;
import java.util.List;
import java.util.Set;

/**
 * The regression metrics of scikit-learn, scipy and TorchMetrics beyond the basic ones, and
 * PyTorch's Poisson loss. Measures that need order (medians, quantiles, ranks) finish from a
 * sort job on Spark; rows outside a measure's domain (msle's values > -1, a deviance's positive
 * values) are bad rows.
 */
public final class RegressionPeers {
  private static final Set<Task> REG = Set.of(Task.REGRESSION);

  private RegressionPeers() {}

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
    String why = "Tweedie deviance with power " + (power == Math.rint(power) ? Long.toString((long) power) : Double.toString(power))
        + ", as sklearn's mean_tweedie_deviance";
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
    Measure m = Measures.reduce(poissonNllLoss(p), Reduction.MEAN);
    return log ? m : Domain.checked(m, "poisson_nll", "rates, with log_input=false", Domain.prediction(0, true));
  }

  static PoissonNll poissonNllLoss(Params p) {
    return new PoissonNll(p.bool("log_input"), p.bool("full"), p.dbl("eps", 0, false, 1, false));
  }

  /** Training: the model's output is the log rate; log_input=false needs outputs >= 0, which no affine model keeps. */
  static PoissonNll poissonNllTraining(Params p) {
    if (!p.bool("log_input")) {
      throw new UsageException("poisson_nll trains with log_input=true (the model's output is the log of the rate);"
          + " log_input=false needs outputs >= 0, which a linear model does not keep");
    }
    return poissonNllLoss(p);
  }

  public static List<Entry> entries() {
    Param power = new Param("power", "0", "Tweedie power: <= 0, or >= 1 (0 normal, 1 Poisson, 2 Gamma)");
    Direction up = Direction.LARGER, down = Direction.SMALLER;
    String order = Untrainable.ORDER, only = Untrainable.EVALUATION_ONLY, ratio = Untrainable.DEVIANCE_RATIO;
    return List.of(
        loss("poisson_nll", REG, "torch.nn.PoissonNLLLoss: exp(p) - y p with log_input, p - y log(p + eps) without; full adds Stirling's term",
            (t, p, o) -> poissonNll(p), new Param("log_input", "true", "the prediction is the log of the rate"),
            new Param("full", "false", "add y log y - y + log(2 pi y) / 2 where y > 1"), new Param("eps", "1e-8", "added to p inside the log without log_input"))
            .trains(Reduction.MEAN, (t, p, o) -> poissonNllTraining(p)),
        metric("max_error", REG, "the largest |y - p| (sklearn max_error; with --weight over rows of positive weight)", down,
            (t, p, o) -> ScaledErrorMeasure.maxError()).refusesTraining(order, "mae"),
        metric("median_absolute_error", REG, "weighted median of |y - p| (sklearn median_absolute_error); exact, one sort job", down,
            (t, p, o) -> QuantileMeasure.medianAbsoluteError()).refusesTraining(order, "mae"),
        metric("msle", REG, "mean of (log1p(y) - log1p(p))^2 (sklearn mean_squared_log_error); values > -1", down,
            (t, p, o) -> msle(false)).refusesTraining(only, "mse"),
        metric("rmsle", REG, "sqrt(msle) (sklearn root_mean_squared_log_error)", down, (t, p, o) -> msle(true))
            .refusesTraining(only, "mse"),
        metric("tweedie", REG, "mean Tweedie deviance (sklearn mean_tweedie_deviance)", down,
            (t, p, o) -> tweedieDomain(new MeanMeasure(RegressionFunctions.tweedie(power(p))), "tweedie", power(p)), power)
            .refusesTraining(only, "mse"),
        metric("poisson_deviance", REG, "mean Poisson deviance, Tweedie power 1 (sklearn mean_poisson_deviance)", down,
            (t, p, o) -> tweedieDomain(new MeanMeasure(RegressionFunctions.tweedie(1)), "poisson_deviance", 1))
            .refusesTraining(only, "poisson_nll"),
        metric("gamma_deviance", REG, "mean Gamma deviance, Tweedie power 2 (sklearn mean_gamma_deviance)", down,
            (t, p, o) -> tweedieDomain(new MeanMeasure(RegressionFunctions.tweedie(2)), "gamma_deviance", 2))
            .refusesTraining(only, "mse"),
        metric("d2_tweedie", REG, "1 - deviance / deviance of the mean label (sklearn d2_tweedie_score)", up,
            (t, p, o) -> tweedieDomain(new D2TweedieMeasure(power(p)), "d2_tweedie", power(p)), power).refusesTraining(ratio, "mse"),
        metric("d2_poisson", REG, "d2_tweedie with power 1", up,
            (t, p, o) -> tweedieDomain(new D2TweedieMeasure(1), "d2_poisson", 1)).refusesTraining(ratio, "poisson_nll"),
        metric("d2_gamma", REG, "d2_tweedie with power 2", up,
            (t, p, o) -> tweedieDomain(new D2TweedieMeasure(2), "d2_gamma", 2)).refusesTraining(ratio, "mse"),
        metric("d2_absolute_error", REG, "1 - MAE / MAE of the median label (sklearn d2_absolute_error_score); exact, one sort job", up,
            (t, p, o) -> QuantileMeasure.d2Pinball(0.5)).refusesTraining(ratio, "mae"),
        metric("d2_pinball", REG, "1 - pinball loss / pinball loss of the alpha-quantile label (sklearn d2_pinball_score); exact, one sort job",
            up, (t, p, o) -> QuantileMeasure.d2Pinball(p.dbl("alpha", 0, false, 1, false)), new Param("alpha", "0.5", "the quantile, in [0, 1]"))
            .refusesTraining(ratio, "quantile"),
        metric("pearson", REG, "Pearson's correlation of labels and predictions (scipy pearsonr, TorchMetrics PearsonCorrCoef)", up,
            (t, p, o) -> CorrelationMeasure.pearson()).refusesTraining(only, "mse"),
        metric("spearman", REG, "Spearman's rank correlation, ties at mid-rank (scipy spearmanr); exact, one sort job of two sorts", up,
            (t, p, o) -> new SpearmanMeasure()).refusesTraining(Untrainable.RANK, "mse"),
        metric("concordance", REG, "Lin's concordance correlation with sample variances (TorchMetrics ConcordanceCorrCoef)", up,
            (t, p, o) -> CorrelationMeasure.concordance()).refusesTraining(only, "mse"),
        metric("smape", REG, "mean of 2 |y - p| / max(|y| + |p|, 1.17e-6), in [0, 2] (TorchMetrics SymmetricMeanAbsolutePercentageError)",
            down, (t, p, o) -> new MeanMeasure(RegressionFunctions.SMAPE)).refusesTraining(only, "mae"),
        metric("wmape", REG, "sum |y - p| / sum |y| (TorchMetrics WeightedMeanAbsolutePercentageError)", down,
            (t, p, o) -> ScaledErrorMeasure.wmape()).refusesTraining(only, "mae"),
        metric("nrmse", REG, "rmse over the labels' mean, range, population std or L2 norm (TorchMetrics NormalizedRootMeanSquaredError)",
            down, (t, p, o) -> ScaledErrorMeasure.nrmse(p.choice("normalization", List.of("mean", "range", "std", "l2"))),
            new Param("normalization", "mean", "mean, range (max - min), std (population) or l2 (sqrt of sum y^2)"))
            .refusesTraining(only, "rmse"),
        metric("rse", REG, "relative squared error, sum (y - p)^2 / sum (y - mean y)^2 (TorchMetrics RelativeSquaredError)", down,
            (t, p, o) -> ScaledErrorMeasure.rse(p.bool("squared")), new Param("squared", "true", "false: its square root"))
            .refusesTraining(Untrainable.VARIANCE_RATIO, "mse"));
  }
}
