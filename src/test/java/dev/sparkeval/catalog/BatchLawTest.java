package dev.sparkeval.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sparkeval.core.Batch;
import dev.sparkeval.core.Entry;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.testkit.Eval;
import dev.sparkeval.testkit.Generators;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The batch law, over every loss and metric of the scalar tasks: folding rows in batches of any
 * size (Stat.add(Batch), the columnar pass) gives the same bits as folding them one by one
 * (Stat.add(Example)), with the task's rule applied to whole batches where it can.
 */
class BatchLawTest {
  static final List<Task> SCALAR = List.of(Task.REGRESSION, Task.BINARY);

  @TestFactory
  Stream<DynamicTest> batchesFoldToTheSameBitsAsRows() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Entry e : Catalogs.standard().entries()) {
      for (Task t : e.tasks()) {
        if (!SCALAR.contains(t)) continue;
        for (boolean weighted : new boolean[] {false, true}) {
          for (boolean logits : t == Task.BINARY ? new boolean[] {false, true} : new boolean[] {false}) {
            String name = e.name() + " / " + t.id() + (weighted ? " / weighted" : "") + (logits ? " / logits" : "");
            tests.add(DynamicTest.dynamicTest(name, () -> law(e.name(), t, weighted, logits)));
          }
        }
      }
    }
    tests.add(DynamicTest.dynamicTest("everything at once, with bootstrap", () -> {
      EvalOptions o = new EvalOptions(Task.BINARY, false, 0.3, null, true);
      Plan plan = Plan.build(Catalogs.standard(), o, List.of("bce", "focal"),
          List.of("accuracy", "f1", "mcc", "auc_roc:bins=64", "auc_pr:bins=100", "log_loss", "brier", "ece"),
          Tasks.parts(o), Tasks.rule(o)).withBootstrap(5, 3);
      check(plan, o, new Random(9), true);
    }));
    return tests.stream();
  }

  static void law(String name, Task task, boolean weighted, boolean logits) {
    EvalOptions o = new EvalOptions(task, logits, 0.5, null, weighted);
    Plan plan = Eval.plan(o, List.of(name));
    check(plan, o, new Random(name.hashCode() * 17L + task.ordinal()), weighted);
  }

  static void check(Plan plan, EvalOptions o, Random r, boolean weighted) {
    List<Example> rows = Generators.rows(o.task(), r, 700, weighted);
    if (o.logits()) for (Example e : rows) e.prediction = (e.prediction - 0.5) * 12; // margins
    if (r.nextBoolean()) for (int i = 0; i < rows.size(); i += 7) rows.get(i).weight = 1.0; // unit weights mixed in
    if (o.task() == Task.BINARY) for (int i = 5; i < rows.size(); i += 97) rows.get(i).label = 2; // bad rows, skipped
    StatSet one = Eval.fresh(plan);
    for (Example raw : rows) {
      Example e = copy(raw);
      if (plan.rule().check(e) == null) one.add(e);
    }
    String expected = LawKitTest.finished(plan, one);
    for (int trial = 0; trial < 4; trial++) {
      StatSet batched = Eval.fresh(plan);
      Batch b = new Batch(256);
      for (int from = 0; from < rows.size(); ) {
        int n = Math.min(rows.size() - from, 1 + r.nextInt(trial == 0 ? 4 : 256));
        fill(b, rows.subList(from, from + n), weighted, plan.rule());
        batched.add(b);
        from += n;
      }
      assertEquals(expected, LawKitTest.finished(plan, batched), "batches, trial " + trial);
    }
  }

  /** The batch the engine would fold: raw columns, the rule over the whole batch, else row by row. */
  static void fill(Batch b, List<Example> rows, boolean weighted, RowRule rule) {
    b.size = rows.size();
    b.label = new double[b.size];
    b.prediction = new double[b.size];
    b.weight = weighted ? new double[b.size] : null;
    b.logit = null;
    for (int i = 0; i < b.size; i++) {
      b.label[i] = rows.get(i).label;
      b.prediction[i] = rows.get(i).prediction;
      if (weighted) b.weight[i] = rows.get(i).weight;
    }
    if (rule.check(b)) return;
    double[] logits = rule.derivesLogit() ? b.logitColumn() : null;
    int k = 0;
    Example e = new Example();
    for (int i = 0; i < b.size; i++) {
      b.fill(i, e);
      if (rule.check(e) != null) continue;
      b.label[k] = e.label;
      b.prediction[k] = e.prediction;
      if (weighted) b.weight[k] = e.weight;
      if (logits != null) logits[k] = e.logit;
      k++;
    }
    b.size = k;
  }

  static Example copy(Example raw) {
    Example e = new Example();
    e.label = raw.label;
    e.prediction = raw.prediction;
    e.weight = raw.weight;
    return e;
  }
}
