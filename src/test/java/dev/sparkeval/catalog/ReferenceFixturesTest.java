package dev.sparkeval.catalog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.core.Example;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Value;
import dev.sparkeval.testkit.Eval;
import dev.sparkeval.testkit.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every loss and metric against PyTorch / scikit-learn values (tools/fixtures), to 1e-12
 * relative, unweighted and weighted. Each fixture file covers one task.
 */
class ReferenceFixturesTest {
  static final List<String> FILES =
      List.of("regression", "binary", "multiclass", "multilabel", "multilabel_no_positives", "distribution", "embedding",
          "segmentation", "regression_peers", "binary_peers", "ranking", "clustering");

  @TestFactory
  Stream<DynamicTest> matchesReference() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String file : FILES) {
      for (Fixtures.Case c : Fixtures.load(file)) {
        tests.add(DynamicTest.dynamicTest(file + ": " + c.name(), () -> check(c)));
      }
    }
    return tests.stream();
  }

  static void check(Fixtures.Case c) {
    Plan plan = Eval.plan(Eval.options(c), new ArrayList<>(c.expected().keySet()));
    List<Example> rows = new ArrayList<>();
    for (int i = 0; i < c.rows(); i++) rows.add(c.example(i));
    StatSet s = Eval.fold(plan, rows);
    Eval.complete(s, rows);
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, Double> e : c.expected().entrySet()) {
      Value v = Eval.value(plan, s, e.getKey());
      Double want = e.getValue();
      if (want == null) {
        if (v.defined()) failures.add(e.getKey() + ": reference undefined, got " + v.value());
      } else if (!v.defined()) {
        failures.add(e.getKey() + ": undefined (" + v.undefined() + "), reference " + want);
      } else if (!Fixtures.close(v.value(), want, 1e-12)) {
        failures.add(e.getKey() + ": got " + v.value() + ", reference " + want
            + " (rel " + Math.abs(v.value() - want) / Math.abs(want) + ")");
      }
    }
    assertTrue(failures.isEmpty(), c.name() + ":\n  " + String.join("\n  ", failures));
  }
}
