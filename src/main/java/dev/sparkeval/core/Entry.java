package dev.sparkeval.core;

import java.util.List;
import java.util.Set;

/**
 * A catalogued loss or metric, and the one home of every fact about it: its name, kind, tasks and
 * parameters (what {@code list} prints and specs are checked against), which way is better, the
 * columns it reads (in the order SQL takes them as arguments), the factory that binds a spec to
 * its measure, and whether and how a model trains on it.
 *
 * <p>A catalogue line reads
 * <pre>{@code
 * metric("r2", REG, "coefficient of determination ...", Direction.LARGER, (t, p, o) -> VarianceRatioMeasure.r2())
 *     .refusesTraining(WHY_R2, "mse"),
 * loss("huber", REG, "torch.nn.HuberLoss ...", (t, p, o) -> Measures.reduce(huber(p), Reduction.MEAN), DELTA)
 *     .trains(Reduction.MEAN, (t, p, o) -> huber(p)),
 * loss("triplet", EMB, "...", factory, params...).reads(Role.ANCHOR, Role.POSITIVE, Role.NEGATIVE)
 * }</pre>
 */
public record Entry(String name, Kind kind, Set<Task> tasks, List<Param> params, String doc, Direction direction,
                    List<Role> columns, Factory factory, Training training) {

  public enum Kind { LOSS, METRIC }

  /** The columns most measures read: label and prediction. */
  public static final List<Role> LABEL_PREDICTION = List.of(Role.LABEL, Role.PREDICTION);

  /** Builds the measure for one task from validated parameters (defaults filled in). */
  @FunctionalInterface
  public interface Factory {
    Measure create(Task task, Params params, EvalOptions options);
  }

  /**
   * Builds the row loss a model trains on, from validated parameters: a {@code PointLoss} (one
   * model output) or a {@code VectorLoss} (one output per class) of {@code dev.sparkeval.loss}.
   * Training resolves with {@code options.logits()} true for classification: the model's outputs are logits.
   */
  @FunctionalInterface
  public interface LossFactory {
    RowFunction create(Task task, Params params, EvalOptions options);
  }

  /**
   * Training on this entry: the row loss and how a batch reduces it when a model can train on
   * it; otherwise why not, and the loss to train on instead (null: the task's default loss).
   */
  public record Training(LossFactory loss, Reduction reduction, String whyNot, String instead) {
    public boolean possible() {
      return loss != null;
    }
  }

  /** A loss: smaller is better, reads label and prediction, no training until {@link #trains}. */
  public static Entry loss(String name, Set<Task> tasks, String doc, Factory f, Param... params) {
    return new Entry(name, Kind.LOSS, tasks, List.of(params), doc, Direction.SMALLER, LABEL_PREDICTION, f, null);
  }

  /** A metric, with the direction that is better; reads label and prediction. */
  public static Entry metric(String name, Set<Task> tasks, String doc, Direction direction, Factory f, Param... params) {
    return new Entry(name, Kind.METRIC, tasks, List.of(params), doc, direction, LABEL_PREDICTION, f, null);
  }

  /** This entry with the columns it reads, in SQL argument order (label and prediction when not said). */
  public Entry reads(Role... roles) {
    return new Entry(name, kind, tasks, params, doc, direction, List.of(roles), factory, training);
  }

  /** This entry trains models: on the row loss that {@code loss} builds, batches reduced by {@code reduction}. */
  public Entry trains(Reduction reduction, LossFactory loss) {
    return new Entry(name, kind, tasks, params, doc, direction, columns, factory, new Training(loss, reduction, null, null));
  }

  /** This entry cannot be trained on, because {@code why}; {@code instead} is the loss to train (null: the task's default). */
  public Entry refusesTraining(String why, String instead) {
    return new Entry(name, kind, tasks, params, doc, direction, columns, factory, new Training(null, null, why, instead));
  }

  /** Whether a model can train on this entry. */
  public boolean trainable() {
    return training != null && training.possible();
  }
}
