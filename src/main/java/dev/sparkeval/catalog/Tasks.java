package dev.sparkeval.catalog;

import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.ReportPart;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.Spec;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.part.ConfusionParts;
import dev.sparkeval.part.ResidualPlots;
import dev.sparkeval.part.ScoreCurves;
import dev.sparkeval.rule.ClassRules;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Per task: the shape of each column, the row checks, and the report blocks beyond losses and metrics. */
public final class Tasks {
  private Tasks() {}

  /** Rejects option combinations that make no sense for the task. */
  public static void validate(EvalOptions o) {
    if (o.logits() && (o.task() == Task.REGRESSION || o.task() == Task.EMBEDDING || o.task() == Task.SEGMENTATION)) {
      throw new UsageException("--logits does not apply to task " + o.task().id()
          + "; it is for binary, multiclass, multilabel and distribution predictions");
    }
    if (o.classWeights() != null && (o.task() == Task.REGRESSION || o.task() == Task.BINARY || o.task() == Task.MULTILABEL)) {
      throw new UsageException("--class-weights does not apply to task " + o.task().id()
          + "; it weights the classes of multiclass cross_entropy and focal");
    }
    if (VectorTasks.handles(o.task())) VectorTasks.validate(o);
  }

  public static Map<Role, Role.Shape> shapes(Task t) {
    Map<Role, Role.Shape> m = new EnumMap<>(Role.class);
    m.put(Role.WEIGHT, Role.Shape.SCALAR);
    m.put(Role.TARGET, Role.Shape.SCALAR);
    switch (t) {
      case REGRESSION -> {
        m.put(Role.LABEL, Role.Shape.SCALAR);
        m.put(Role.PREDICTION, Role.Shape.SCALAR);
      }
      case BINARY -> {
        m.put(Role.LABEL, Role.Shape.SCALAR);
        m.put(Role.PREDICTION, Role.Shape.EITHER);
      }
      case MULTICLASS -> {
        m.put(Role.LABEL, Role.Shape.SCALAR);
        m.put(Role.PREDICTION, Role.Shape.VECTOR);
      }
      case MULTILABEL -> {
        m.put(Role.LABEL, Role.Shape.VECTOR);
        m.put(Role.PREDICTION, Role.Shape.VECTOR);
      }
      default -> {
        m.put(Role.LABEL, Role.Shape.EITHER);
        m.put(Role.PREDICTION, Role.Shape.EITHER);
      }
    }
    VectorTasks.shapes(t, m);
    return m;
  }

  public static RowRule rule(EvalOptions o) {
    if (VectorTasks.handles(o.task())) return VectorTasks.rule(o);
    return switch (o.task()) {
      case BINARY -> new ClassRules.Binary(o);
      case MULTICLASS -> new ClassRules.Multiclass(o);
      case MULTILABEL -> new ClassRules.Multilabel(o);
      default -> RowRule.NONE;
    };
  }

  public static List<ReportPart> parts(EvalOptions o) {
    return parts(o, List.of());
  }

  /**
   * The report parts of an evaluation of these specs: the binary reliability table takes the bins
   * of the first {@code ece} asked for, so that its chart shows the metric's ECE.
   */
  public static List<ReportPart> parts(EvalOptions o, List<String> specs) {
    List<ReportPart> parts = new ArrayList<>();
    if (o.task().isClassification()) parts.addAll(ConfusionParts.of(o));
    if (o.task() == Task.REGRESSION) parts.add(new ResidualPlots());
    if (o.task() == Task.BINARY) parts.add(new ScoreCurves(calibrationBins(specs)));
    return parts;
  }

  static int calibrationBins(List<String> specs) {
    for (String text : specs) {
      Spec spec;
      try {
        spec = Spec.parse(text);
      } catch (UsageException e) {
        continue; // the plan reports it
      }
      if (!spec.name().equals("ece")) continue;
      String bins = spec.params().get("bins");
      if (bins == null) return ScoreCurves.DEFAULT_CALIBRATION_BINS;
      try {
        int b = Integer.parseInt(bins.trim());
        if (b >= 1 && b <= 100_000) return b;
      } catch (NumberFormatException e) {
        // the plan reports it
      }
    }
    return ScoreCurves.DEFAULT_CALIBRATION_BINS;
  }
}
