package dev.sparkeval.train;

import dev.sparkeval.catalog.Catalogs;
import dev.sparkeval.core.Catalog;
import dev.sparkeval.core.Entry;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.RowFunction;
import dev.sparkeval.core.Spec;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.loss.PointLoss;
import dev.sparkeval.loss.VectorLoss;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code --loss SPEC} into the objective that training minimises. The spec is resolved
 * against the evaluation catalogue, and the objective is built from the entry's training row
 * loss (same names, parameters and ranges, same loss class), so that the training loss and the
 * validation loss are the same function. Metrics are refused with the reason their entry gives.
 */
public final class Objectives {
  /** The tasks a model here trains for, in the order an mlp picks its task by the loss. */
  private static final List<Task> TRAINED = List.of(Task.REGRESSION, Task.BINARY, Task.MULTICLASS);

  private Objectives() {}

  /** The task a model and loss train for: the model's own, or for mlp the first task the loss trains. */
  public static Task task(ModelSpec model, String lossName, Task requested) {
    if (model.impliedTask() != null) return model.impliedTask();
    if (requested != null) return requested;
    for (Task t : TRAINED) if (trains(lossName, t)) return t;
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
    String name = Spec.parse(text).name();
    refuseMetric(name, task);
    if (!TRAINED.contains(task)) {
      throw new UsageException("train supports regression, binary and multiclass tasks, not " + task.id());
    }
    if (!trains(name, task)) {
      throw new UsageException("--loss '" + name + "' cannot train --model " + model.text() + " (task " + task.id()
          + "); its losses are " + String.join(", ", losses(task)) + hint(name));
    }
    // Model outputs are logits for classification: the entry builds its loss in logits form.
    EvalOptions options = new EvalOptions(task, task != Task.REGRESSION, 0.5, classWeights, false);
    Catalog.Resolved r = Catalogs.standard().resolve(text, options); // same validation as evaluate
    Entry.Training training = r.entry().training();
    RowFunction loss = training.loss().create(task, r.params(), options);
    if (loss instanceof PointLoss l) {
      return task == Task.REGRESSION ? new PointObjective(l, training.reduction()) : new LogitObjectives.Binary(l);
    }
    if (loss instanceof VectorLoss l) return new LogitObjectives.Multiclass(l);
    throw new IllegalStateException(name + ": a training loss must be a PointLoss or a VectorLoss");
  }

  private static boolean trains(String name, Task task) {
    Entry e = Catalogs.standard().entry(name, task);
    return e != null && e.trainable();
  }

  /** The names of the losses that train a model for this task, in catalogue order. */
  static List<String> losses(Task task) {
    List<String> out = new ArrayList<>();
    for (Entry e : Catalogs.standard().entries()) if (e.tasks().contains(task) && e.trainable()) out.add(e.name());
    return out;
  }

  /** Which affine model trains a loss that only one task trains. */
  private static String hint(String name) {
    List<Task> tasks = TRAINED.stream().filter(t -> trains(name, t)).toList();
    if (tasks.size() != 1) return "";
    String model = switch (tasks.get(0)) {
      case REGRESSION -> "linear";
      case BINARY -> "logistic";
      default -> "softmax";
    };
    return "; for " + name + " use --model " + model + " or mlp";
  }

  /** Metrics cannot be trained on: say why (from their catalogue entry), and which loss trains for them. */
  static void refuseMetric(String name, Task task) {
    for (Entry e : Catalogs.standard().entries()) {
      if (!e.name().equals(name) || e.training() == null || e.training().whyNot() == null) continue;
      String use = e.training().instead() != null ? e.training().instead()
          : TRAINED.contains(task) ? defaultLoss(task) : "bce (binary) or cross_entropy (multiclass)";
      throw new UsageException("--loss " + name + " is a metric and cannot be trained on: " + e.training().whyNot()
          + "; train with --loss " + use + " and watch it with --metric " + name);
    }
  }
}
