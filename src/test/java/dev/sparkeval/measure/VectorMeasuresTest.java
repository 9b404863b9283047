package dev.sparkeval.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.catalog.Tasks;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.state.DimensionStat;
import dev.sparkeval.testkit.Eval;
import dev.sparkeval.testkit.Generators;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of the vector measures that the fixtures do not pin down. */
class VectorMeasuresTest {

  @Test
  void tverskyWithHalfAndHalfIsDiceBitForBit() {
    EvalOptions o = new EvalOptions(Task.SEGMENTATION, false, 0.5, null, true);
    List<String> specs = List.of("dice", "tversky", "dice:reduction=global", "tversky:reduction=global",
        "dice:smooth=0.25", "tversky:alpha=0.5,beta=0.5,smooth=0.25");
    Plan plan = Eval.plan(o, specs);
    StatSet s = Eval.fold(plan, Generators.rows(Task.SEGMENTATION, new Random(4), 500, true));
    for (int i = 0; i < specs.size(); i += 2) {
      assertEquals(Eval.value(plan, s, specs.get(i)), Eval.value(plan, s, specs.get(i + 1)), specs.get(i));
    }
  }

  @Test
  void statesOfDifferentDimensionsRefuseToMerge() {
    DimensionStat a = new DimensionStat(), b = new DimensionStat(), empty = new DimensionStat();
    Example e = new Example();
    e.labelVec = new double[3];
    a.add(e);
    e.labelVec = new double[5];
    b.add(e);
    a.merge(empty);
    assertEquals(3, a.dimension());
    empty.merge(b);
    assertEquals(5, empty.dimension());
    UsageException x = assertThrows(UsageException.class, () -> a.merge(b));
    assertTrue(x.getMessage().contains("3 and 5 entries"), x.getMessage());
  }

  @Test
  void logitsAreSoftmaxedIntoReusedBuffers() {
    RowRule rule = Tasks.rule(new EvalOptions(Task.DISTRIBUTION, true, 0.5, null, false));
    Example e = new Example();
    e.labelVec = new double[] {0.25, 0.75};
    e.predictionVec = new double[] {1000, 1000 + Math.log(3)};
    assertNull(rule.check(e));
    assertEquals(0.25, e.predictionVec[0], 1e-12); // 1000 + ln 3 is rounded to 1e-13
    assertEquals(0.75, e.predictionVec[1], 1e-12);
    double[] first = e.predictionVec, second = e.logitVec;
    // the reader refills predictionVec in place with the next row's logits
    e.predictionVec[0] = 0;
    e.predictionVec[1] = 0;
    assertNull(rule.check(e));
    assertSame(first, e.logitVec);
    assertSame(second, e.predictionVec);
    assertEquals(0.5, e.predictionVec[0], 0);
  }

  @Test
  void klDivergenceOfADistributionWithItselfIsZeroAndJsIsBounded() {
    EvalOptions o = new EvalOptions(Task.DISTRIBUTION, false, 0.5, null, false);
    Plan plan = Eval.plan(o, List.of("kl_div", "js_divergence", "cross_entropy"));
    Example same = new Example();
    same.labelVec = new double[] {0, 0.5, 0.5};
    same.predictionVec = new double[] {0, 0.5, 0.5};
    Example apart = new Example();
    apart.labelVec = new double[] {1, 0, 0};
    apart.predictionVec = new double[] {0, 0, 1};
    StatSet s = Eval.fold(plan, List.of(same));
    assertEquals(0.0, Eval.value(plan, s, "kl_div").value());
    assertEquals(0.0, Eval.value(plan, s, "js_divergence").value());
    assertEquals(Math.log(2), Eval.value(plan, s, "cross_entropy").value(), 1e-15);
    StatSet t = Eval.fold(plan, List.of(apart));
    assertEquals(Math.log(2), Eval.value(plan, t, "js_divergence").value(), 1e-15);
    assertTrue(Eval.value(plan, t, "kl_div").undefined().contains("infinite"), "KL to a zero-probability class");
  }

  @Test
  void rowsOfAnotherLengthThanTheFirstAreBad() {
    RowRule rule = Tasks.rule(new EvalOptions(Task.EMBEDDING, false, 0.5, null, false));
    Example e = new Example();
    e.anchor = new double[4];
    e.positive = new double[4];
    e.negative = new double[4];
    assertNull(rule.check(e));
    e.anchor = new double[3];
    e.positive = new double[3];
    e.negative = new double[3];
    RowRule.Bad bad = rule.check(e);
    assertEquals("dimension_mismatch", bad.reason());
    assertTrue(bad.detail().contains("3 entries") && bad.detail().contains("has 4"), bad.detail());
  }
}
