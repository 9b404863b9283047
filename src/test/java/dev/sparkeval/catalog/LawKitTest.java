package dev.sparkeval.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.core.Catalog;
import dev.sparkeval.core.Entry;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.Stat;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.Value;
import dev.sparkeval.testkit.Eval;
import dev.sparkeval.testkit.Generators;
import dev.sparkeval.testkit.Serial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The law kit, over every registered loss and metric of every task: zero is the identity, merge
 * is associative and commutative, and a random split into k parts merged in random order gives
 * the same bits as a single pass. States also survive Java serialization (they travel to executors).
 */
class LawKitTest {

  @TestFactory
  Stream<DynamicTest> everyEntryObeysTheLaws() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Entry e : Catalogs.standard().entries()) {
      for (Task t : e.tasks()) {
        for (boolean weighted : new boolean[] {false, true}) {
          tests.add(DynamicTest.dynamicTest(e.name() + " / " + t.id() + (weighted ? " / weighted" : ""),
              () -> laws(e.name(), t, weighted)));
        }
      }
    }
    return tests.stream();
  }

  /** Parameter settings that choose another state or finishing path than the entry's defaults. */
  static final Map<Task, List<String>> VARIANTS = Map.of(
      Task.BINARY, List.of("fpr", "jaccard:average=macro", "precision:class=0", "cohen_kappa:weights=linear"),
      Task.MULTICLASS, List.of("auc_roc:multi_class=ovo", "auc_roc:multi_class=ovo,average=weighted", "auc_roc:average=micro",
          "auc_pr:average=micro", "auc_pr:average=weighted", "cohen_kappa:weights=linear", "cohen_kappa:weights=quadratic",
          "specificity:average=micro", "fpr:average=weighted", "jaccard:average=weighted", "recall:class=2",
          "log_loss:eps=1e-15"),
      Task.MULTILABEL, List.of("auc_roc:average=samples", "auc_roc:average=micro", "auc_pr:average=micro",
          "jaccard:average=samples", "specificity:average=weighted", "fpr:average=micro", "f1:class=1",
          "hamming_loss:labels=in_truth"));

  @TestFactory
  Stream<DynamicTest> parameterVariantsObeyTheLaws() {
    List<DynamicTest> tests = new ArrayList<>();
    VARIANTS.forEach((t, specs) -> {
      for (String spec : specs) {
        for (boolean weighted : new boolean[] {false, true}) {
          tests.add(DynamicTest.dynamicTest(spec + " / " + t.id() + (weighted ? " / weighted" : ""), () -> laws(spec, t, weighted)));
        }
      }
    });
    return tests.stream();
  }

  /**
   * Decisions without scores (MLlib's layouts): multiclass class indices and multilabel label sets,
   * whose states grow to the largest class seen, so parts of different widths merge.
   */
  @TestFactory
  Stream<DynamicTest> decisionLayoutsObeyTheLaws() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String spec : List.of("accuracy", "f1", "recall:average=weighted", "mcc", "cohen_kappa:weights=linear", "hamming_loss",
        "fpr:average=micro", "jaccard:class=5")) {
      for (boolean weighted : new boolean[] {false, true}) {
        tests.add(DynamicTest.dynamicTest(spec + " / class indices" + (weighted ? " / weighted" : ""), () -> {
          Random r = new Random(spec.hashCode());
          List<Example> rows = Generators.rows(Task.MULTICLASS, r, 300, weighted);
          for (Example e : rows) {
            e.prediction = r.nextInt(10) == 0 ? 4 + r.nextInt(3) : dev.sparkeval.loss.Decisions.argmax(e.predictionVec);
            e.predictionVec = null;
          }
          laws(spec, new EvalOptions(Task.MULTICLASS, false, 0.5, null, weighted), rows, r);
        }));
      }
    }
    for (String spec : List.of("hamming_loss", "hamming_loss:labels=in_truth", "subset_accuracy", "f1:average=samples",
        "precision:average=macro", "jaccard:average=samples", "mcc", "specificity", "recall:class=5")) {
      for (boolean weighted : new boolean[] {false, true}) {
        tests.add(DynamicTest.dynamicTest(spec + " / label sets" + (weighted ? " / weighted" : ""), () -> {
          Random r = new Random(spec.hashCode());
          List<Example> rows = Generators.rows(Task.MULTILABEL, r, 300, weighted);
          for (Example e : rows) { // ids, some beyond the generator's labels, so widths differ between parts
            e.labelVec = ids(e.labelVec, 1.0, r);
            e.predictionVec = ids(e.predictionVec, 0.5, r);
          }
          laws(spec, new EvalOptions(Task.MULTILABEL, false, 0.5, null, weighted, true), rows, r);
        }));
      }
    }
    return tests.stream();
  }

  /**
   * States are shared by key: two entries (or parameter settings) whose states have equal keys get
   * one state between them, whichever was built first. So equal keys must mean the same statistic:
   * the same class, and every measure that reads the key finishes to the same bits whichever
   * entry's state folded the rows. A key that forgot a parameter would fail here.
   */
  @TestFactory
  Stream<DynamicTest> equalKeysFoldIdentically() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Task t : Task.values()) {
      if (!Generators.supports(t)) continue;
      for (boolean weighted : new boolean[] {false, true}) {
        tests.add(DynamicTest.dynamicTest(t.id() + (weighted ? " / weighted" : ""), () -> equalKeys(t, weighted)));
      }
    }
    return tests.stream();
  }

  private static void equalKeys(Task task, boolean weighted) {
    List<String> specs = new ArrayList<>();
    for (Entry e : Catalogs.standard().entries()) if (e.tasks().contains(task)) specs.add(e.name());
    for (String v : VARIANTS.getOrDefault(task, List.of())) if (!specs.contains(v)) specs.add(v);
    EvalOptions o = new EvalOptions(task, false, 0.5, null, weighted);
    Plan plan = Eval.plan(o, specs);
    Map<String, List<Stat>> byKey = new LinkedHashMap<>();
    Map<String, List<Catalog.Resolved>> readers = new LinkedHashMap<>();
    Map<Stat, String> owner = new IdentityHashMap<>();
    List<Stat> all = new ArrayList<>();
    for (Catalog.Resolved m : plan.metrics()) {
      for (Stat s : m.measure().needs()) {
        byKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s);
        readers.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(m);
        owner.put(s, m.spec().text());
        all.add(s);
      }
    }
    Random r = new Random(task.ordinal() * 7L + (weighted ? 1 : 0));
    List<Example> rows = Generators.rows(task, r, 300, weighted, plan.rule());
    for (Example e : rows) assertEquals(null, plan.rule().check(e), "a generated row is bad");
    int shared = 0;
    for (Map.Entry<String, List<Stat>> k : byKey.entrySet()) {
      List<Stat> same = k.getValue();
      if (same.size() < 2) continue;
      shared++;
      String want = foldAndFinish(same.get(0), all, readers.get(k.getKey()), rows);
      for (Stat other : same.subList(1, same.size())) {
        String who = owner.get(same.get(0)) + " and " + owner.get(other) + " share key " + k.getKey();
        assertEquals(same.get(0).getClass(), other.getClass(), who + " but not the class");
        assertEquals(want, foldAndFinish(other, all, readers.get(k.getKey()), rows), who + " but fold differently");
      }
    }
    if (task == Task.REGRESSION || task.isClassification()) { // where sharing is known to happen: the check is not vacuous
      assertTrue(shared > 0, "no two entries of task " + task.id() + " share a state: the check checked nothing");
    }
  }

  /** Folds the rows with {@code first} as the state of its key, and finishes every measure that reads that key. */
  private static String foldAndFinish(Stat first, List<Stat> all, List<Catalog.Resolved> readers, List<Example> rows) {
    List<Stat> protos = new ArrayList<>();
    protos.add(first);
    protos.addAll(all);
    StatSet s = StatSet.of(protos);
    for (Example e : rows) s.add(e);
    StringBuilder b = new StringBuilder();
    for (Catalog.Resolved m : readers) {
      Value v = m.measure().finish(s);
      b.append(m.spec().text()).append('=').append(Long.toHexString(Double.doubleToLongBits(v.value()))).append(';');
    }
    return b.toString();
  }

  private static double[] ids(double[] v, double above, Random r) {
    List<Double> out = new ArrayList<>();
    for (int l = 0; l < v.length; l++) if (v[l] >= above) out.add((double) l);
    if (r.nextInt(8) == 0) out.add((double) (4 + r.nextInt(3)));
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static void laws(String name, Task task, boolean weighted) {
    assertTrue(Generators.supports(task), "the law kit has no row generator for task " + task.id());
    Plan plan = Eval.plan(new EvalOptions(task, false, 0.5, null, weighted), List.of(name));
    Random r = new Random(name.hashCode() * 31L + task.ordinal());
    laws(plan, Generators.rows(task, r, 300, weighted, plan.rule()), r);
  }

  static void laws(String name, EvalOptions o, List<Example> rows, Random r) {
    laws(Eval.plan(o, List.of(name)), rows, r);
  }

  static void laws(Plan plan, List<Example> rows, Random r) {
    StatSet whole = Eval.fold(plan, rows);
    String expected = finished(plan, whole);

    StatSet zeroLeft = Eval.fresh(plan);
    zeroLeft.merge(Serial.copy(whole));
    assertEquals(expected, finished(plan, zeroLeft), "zero merged with a state must leave it unchanged");
    StatSet zeroRight = Serial.copy(whole);
    zeroRight.merge(Eval.fresh(plan));
    assertEquals(expected, finished(plan, zeroRight), "a state merged with zero must be unchanged");

    for (int trial = 0; trial < 5; trial++) {
      List<Example> shuffled = new ArrayList<>(rows);
      Collections.shuffle(shuffled, r);
      int k = 2 + r.nextInt(7);
      List<StatSet> parts = new ArrayList<>();
      for (int i = 0; i < k; i++) parts.add(Eval.fresh(plan));
      for (Example e : shuffled) parts.get(r.nextInt(k)).add(e);
      Collections.shuffle(parts, r);
      StatSet merged = Serial.copy(parts.get(0));
      for (int i = 1; i < k; i++) merged.merge(Serial.copy(parts.get(i)));
      assertEquals(expected, finished(plan, merged), "split into " + k + " parts and merged");

      StatSet a = parts.get(0), b = parts.get(1), c = parts.get(k > 2 ? 2 : 0).fresh();
      StatSet ab = Serial.copy(a);
      ab.merge(Serial.copy(b));
      StatSet ba = Serial.copy(b);
      ba.merge(Serial.copy(a));
      assertEquals(finished(plan, ab), finished(plan, ba), "merge must be commutative");
      StatSet left = Serial.copy(ab);
      left.merge(Serial.copy(c));
      StatSet bc = Serial.copy(b);
      bc.merge(Serial.copy(c));
      StatSet right = Serial.copy(a);
      right.merge(bc);
      assertEquals(finished(plan, left), finished(plan, right), "merge must be associative");
    }
  }

  /** Every value of the plan and its report parts, bit for bit, as text. */
  static String finished(Plan plan, StatSet s) {
    StringBuilder b = new StringBuilder();
    for (Catalog.Resolved m : plan.metrics()) {
      Value v = m.measure().finish(s);
      b.append(m.spec().text()).append('=').append(Long.toHexString(Double.doubleToLongBits(v.value())))
          .append('(').append(v.value()).append(')').append(v.undefined() == null ? "" : v.undefined()).append(';');
    }
    b.append(plan.finishOverall(s, StatSet.of(List.of())).parts());
    return b.toString();
  }
}
