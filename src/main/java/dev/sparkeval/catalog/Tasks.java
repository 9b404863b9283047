package dev.sparkeval.catalog;

import dev.sparkeval.core.Catalog;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.InvalidSetting;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.ReportPart;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.Spec;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.part.ClusterFigures;
import dev.sparkeval.part.ConfusionParts;
import dev.sparkeval.part.QueryCounts;
import dev.sparkeval.part.RankingCurves;
import dev.sparkeval.part.ResidualPlots;
import dev.sparkeval.part.ScoreCurves;
import dev.sparkeval.rule.ClassRules;
import dev.sparkeval.rule.ClusterRule;
import dev.sparkeval.rule.RankingRules;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Per task: the shape of each column, the row checks, and the report blocks beyond losses and metrics. */
public final class Tasks {
  private Tasks() {}

  /** Rejects option combinations that make no sense for the task. */
  public static void validate(EvalOptions o) {
    if (o.logits() && (o.task() == Task.REGRESSION || o.task() == Task.EMBEDDING || o.task() == Task.SEGMENTATION
        || o.task() == Task.RANKING || o.task() == Task.CLUSTERING)) {
      throw new InvalidSetting("logits", "does not apply to task " + o.task().id()
          + "; it is for binary, multiclass, multilabel and distribution predictions");
    }
    if (o.classWeights() != null && (o.task() == Task.REGRESSION || o.task() == Task.BINARY || o.task() == Task.MULTILABEL
        || o.task() == Task.RANKING || o.task() == Task.CLUSTERING)) {
      throw new InvalidSetting("classWeights", "does not apply to task " + o.task().id()
          + "; it weights the classes of multiclass cross_entropy and focal");
    }
    if (o.labelSets() && o.task() != Task.MULTILABEL) {
      throw new InvalidSetting("labelSets", "is for task multilabel (label and prediction as arrays of label ids)");
    }
    if (o.labelSets() && o.logits()) throw new InvalidSetting("logits", "does not apply with label sets: label sets hold no scores");
    if (o.labelSets() && o.ignoring()) {
      throw new InvalidSetting("ignoreIndex", "does not apply with label sets: a label set lists the labels a row has,"
          + " so leave the padding id out of the sets (or give 0/1 label vectors padded with " + o.ignoreIndex() + ")");
    }
    if (o.ignoring() && !o.task().isClassification()) {
      throw new InvalidSetting("ignoreIndex", "applies to the labels of binary, multiclass and multilabel tasks, not "
          + o.task().id());
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
      case MULTICLASS -> { // a number: the decided class (Spark ML's prediction column)
        m.put(Role.LABEL, Role.Shape.SCALAR);
        m.put(Role.PREDICTION, Role.Shape.EITHER);
      }
      case MULTILABEL -> {
        m.put(Role.LABEL, Role.Shape.VECTOR);
        m.put(Role.PREDICTION, Role.Shape.VECTOR);
      }
      case CLUSTERING -> {
        m.put(Role.FEATURES, Role.Shape.VECTOR);
        m.put(Role.PREDICTION, Role.Shape.SCALAR);
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
      case MULTILABEL -> o.labelSets() ? new ClassRules.MultilabelSets() : new ClassRules.Multilabel(o);
      case RANKING -> o.grouped() ? RankingRules.GRADED : RankingRules.ARRAYS;
      case CLUSTERING -> ClusterRule.RULE;
      default -> RowRule.NONE;
    };
  }

  /** The plan with the report blocks that depend on its measures: ranking curves at k = 1..K, cluster figures. */
  public static Plan withMeasureParts(Plan plan) {
    ReportPart part = switch (plan.task()) {
      case RANKING -> RankingCurves.of(plan.metrics());
      case CLUSTERING -> ClusterFigures.of(plan.metrics());
      default -> null;
    };
    return part == null ? plan : plan.withPart(part);
  }

  /** The metrics that need decisions only, no scores: what a table of predicted classes or label sets gives. */
  public static final Set<String> DECISION_METRICS = Set.of("accuracy", "precision", "recall", "f1", "fbeta",
      "balanced_accuracy", "mcc", "cohen_kappa", "hamming_loss", "subset_accuracy", "specificity", "fpr", "jaccard");

  /**
   * Refuses, before the pass, losses and metrics that need scores when the predictions are
   * decisions (multiclass class indices, multilabel label sets); {@code what} describes the column.
   */
  public static void decisionsOnly(Plan plan, String what) {
    List<String> bad = new ArrayList<>();
    for (Catalog.Resolved r : plan.losses()) bad.add(r.spec().text());
    for (Catalog.Resolved r : plan.metrics()) if (!DECISION_METRICS.contains(r.entry().name())) bad.add(r.spec().text());
    if (bad.isEmpty()) return;
    List<String> ok = new ArrayList<>(new java.util.TreeSet<>(DECISION_METRICS));
    if (plan.task() != Task.MULTILABEL) ok.remove("subset_accuracy");
    throw new UsageException(String.join(", ", bad) + (bad.size() == 1 ? " needs" : " need") + " scores, but " + what
        + "; metrics of decisions are " + String.join(", ", ok));
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
    if (o.task() == Task.RANKING) parts.add(new QueryCounts(o.grouped()));
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
