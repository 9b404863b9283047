package dev.sparkeval.testkit;

import dev.sparkeval.catalog.Catalogs;
import dev.sparkeval.catalog.Tasks;
import dev.sparkeval.core.Catalog;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Value;
import dev.sparkeval.state.SilhouetteStat;
import java.util.List;

/** Evaluates examples through the plain-Java engine (no Spark): the path every state takes on an executor. */
public final class Eval {
  private Eval() {}

  public static Plan plan(EvalOptions o, List<String> specs) {
    return Plan.build(Catalogs.standard(), o, List.of(), specs, Tasks.parts(o), Tasks.rule(o));
  }

  /** Folds the examples (after the task's row rule) into a fresh state set; bad rows throw. */
  public static StatSet fold(Plan plan, List<Example> rows) {
    StatSet s = fresh(plan);
    for (Example e : rows) {
      RowRule.Bad bad = plan.rule().check(e);
      if (bad != null) throw new IllegalArgumentException("fixture row is bad: " + bad.detail());
      s.add(e);
    }
    return s;
  }

  /** Every state of the plan, per-slice and overall-only, in one set. */
  public static StatSet fresh(Plan plan) {
    return StatSet.concat(plan.prototype().fresh(), plan.overallPrototype().fresh());
  }

  /** The second pass of the states that have one (the silhouette), in plain Java over the same rows. */
  public static void complete(StatSet s, List<Example> rows) {
    for (Stat st : s.stats()) if (st instanceof SilhouetteStat sil) sil.completeWith(rows, sil.centroids());
  }

  public static Value value(Plan plan, StatSet s, String spec) {
    for (Catalog.Resolved r : plan.metrics()) if (r.spec().text().equals(spec)) return r.measure().finish(s);
    throw new IllegalArgumentException(spec);
  }

  /** Options for a fixture case. */
  public static EvalOptions options(Fixtures.Case c) {
    return new EvalOptions(c.task(), c.option("logits", false), c.option("threshold", 0.5), c.doubles("class_weights"),
        c.weighted(), false, c.option("grouped", false), null);
  }
}
