package dev.sparkeval.train;

import dev.sparkeval.catalog.Catalogs;
import dev.sparkeval.core.Entry;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Param;
import dev.sparkeval.core.Params;
import dev.sparkeval.core.Spec;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.loss.AbsoluteError;
import dev.sparkeval.loss.Huber;
import dev.sparkeval.loss.LogCosh;
import dev.sparkeval.loss.Pinball;
import dev.sparkeval.loss.SmoothL1;
import dev.sparkeval.loss.SquaredError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns {@code --loss SPEC} into the objective that training minimises. The spec is checked
 * against the evaluation catalogue (same names, parameters and ranges), so that the training
 * loss and the validation loss are the same function. Metrics are refused with the reason.
 */
public final class Objectives {
  public static final List<String> REGRESSION = List.of("mse", "rmse", "sse", "mae", "huber", "smooth_l1", "log_cosh", "quantile");
  public static final List<String> BINARY = List.of("bce", "focal");
  public static final List<String> MULTICLASS = List.of("cross_entropy", "focal");

  private static final Set<String> STEP = Set.of("accuracy", "precision", "recall", "f1", "fbeta", "specificity",
      "balanced_accuracy", "mcc", "cohen_kappa", "hamming_loss", "subset_accuracy", "top_k_accuracy", "iou");
  private static final Set<String> RANK = Set.of("auc_roc", "auc_pr");

  private Objectives() {}

  /** The task a model and loss train for: the model's own, or for mlp the one the loss belongs to. */
  public static Task task(ModelSpec model, String lossName, Task requested) {
    if (model.impliedTask() != null) return model.impliedTask();
    if (requested != null) return requested;
    if (REGRESSION.contains(lossName)) return Task.REGRESSION;
    if (lossName.equals("cross_entropy")) return Task.MULTICLASS;
    if (BINARY.contains(lossName)) return Task.BINARY;
    return Task.REGRESSION;
  }

  public static String defaultLoss(Task task) {
    return switch (task) {
      case BINARY -> "bce";
      case MULTICLASS -> "cross_entropy";
      default -> "mse";
    };
  }

  public static Objective resolve(String text, ModelSpec model, Task task, double[] classWeights) {
    Spec spec = Spec.parse(text);
    String name = spec.name();
    refuseMetric(name, task);
    List<String> allowed = switch (task) {
      case REGRESSION -> REGRESSION;
      case BINARY -> BINARY;
      case MULTICLASS -> MULTICLASS;
      default -> throw new UsageException("train supports regression, binary and multiclass tasks, not " + task.id());
    };
    if (!allowed.contains(name)) {
      throw new UsageException("--loss '" + name + "' cannot train --model " + model.text() + " (task " + task.id()
          + "); its losses are " + String.join(", ", allowed) + hint(name));
    }
    EvalOptions options = new EvalOptions(task, task != Task.REGRESSION, 0.5, classWeights, false);
    Catalogs.standard().resolve(text, options); // same validation as evaluate: parameter names and ranges
    Params p = params(spec, task);
    return switch (name) {
      case "mse" -> new PointObjective(new SquaredError(), Reduction.MEAN);
      case "rmse" -> new PointObjective(new SquaredError(), Reduction.ROOT_MEAN);
      case "sse" -> new PointObjective(new SquaredError(), Reduction.HALF_SUM);
      case "mae" -> new PointObjective(new AbsoluteError(), Reduction.MEAN);
      case "huber" -> new PointObjective(new Huber(p.dbl("delta")), Reduction.MEAN);
      case "smooth_l1" -> new PointObjective(new SmoothL1(p.dbl("beta")), Reduction.MEAN);
      case "log_cosh" -> new PointObjective(new LogCosh(), Reduction.MEAN);
      case "quantile" -> new PointObjective(new Pinball(p.dbl("q")), Reduction.MEAN);
      default -> LogitObjectives.create(name, p, task, classWeights);
    };
  }

  private static String hint(String name) {
    if (REGRESSION.contains(name)) return "; for " + name + " use --model linear or mlp";
    if (name.equals("bce")) return "; for bce use --model logistic or mlp";
    if (name.equals("cross_entropy")) return "; for cross_entropy use --model softmax or mlp";
    return "";
  }

  /** The spec's parameters with the catalogue's defaults filled in. */
  static Params params(Spec spec, Task task) {
    Map<String, String> v = new LinkedHashMap<>();
    for (Entry e : Catalogs.standard().entries()) {
      if (e.name().equals(spec.name()) && e.tasks().contains(task)) for (Param p : e.params()) v.put(p.name(), p.defaultValue());
    }
    v.putAll(spec.params());
    return new Params(spec.name(), v);
  }

  /** Metrics cannot be trained on: say why, and which loss trains for them. */
  static void refuseMetric(String name, Task task) {
    String use = task == Task.REGRESSION ? "mse" : task == Task.BINARY ? "bce" : task == Task.MULTICLASS ? "cross_entropy"
        : "bce (binary) or cross_entropy (multiclass)";
    String why = null;
    if (STEP.contains(name)) {
      why = "it counts right and wrong decisions, a step function of the prediction: its gradient is zero almost everywhere"
          + " (and undefined at the steps), so gradient descent gets no signal from it";
    } else if (RANK.contains(name)) {
      why = "it depends on the predictions only through their ranking, a step function: its gradient is zero almost everywhere";
    } else if (name.equals("ece")) {
      why = "it bins the predictions, so it is piecewise constant: its gradient is zero almost everywhere";
    } else if (name.equals("r2") || name.equals("explained_variance")) {
      why = "it is 1 - mse / Var(y) (up to the mean error), so minimising mse maximises it";
      use = "mse";
    } else if (name.equals("mape")) {
      why = "it is an evaluation metric, not a training loss here";
      use = "mae";
    } else if (name.equals("mean_error")) {
      why = "the mean signed error is unbounded below: minimising it drives every prediction to minus infinity";
      use = "mse";
    } else if (name.equals("log_loss") || name.equals("brier")) {
      why = "it is the metric form of a probability loss; train with the loss itself";
    }
    if (why != null) {
      throw new UsageException("--loss " + name + " is a metric and cannot be trained on: " + why + "; train with --loss "
          + use + " and watch it with --metric " + name);
    }
  }
}
