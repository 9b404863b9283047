package dev.sparkeval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The change interval: baseline fixed with one interval, MOVER with two; significance; spec comparison. */
class BaselineChangeTest {
  @Test
  void withOneIntervalTheBaselineIsFixed() {
    assertEquals(List.of(0.7 - 0.75, 0.9 - 0.75), BaselineChange.interval(0.8, List.of(0.7, 0.9), 0.75, null));
    assertNull(BaselineChange.interval(0.8, null, 0.75, List.of(0.7, 0.8)));
  }

  @Test
  void withTwoIntervalsMoverAddsTheHalfWidthsInQuadrature() {
    // v = 0.8 in [0.77, 0.84], b = 0.7 in [0.66, 0.73]: d = 0.1,
    // low = d - sqrt(0.03^2 + 0.03^2), high = d + sqrt(0.04^2 + 0.04^2)
    List<Double> iv = BaselineChange.interval(0.8, List.of(0.77, 0.84), 0.7, List.of(0.66, 0.73));
    assertEquals(0.1 - Math.sqrt(2 * 0.03 * 0.03), iv.get(0), 1e-15);
    assertEquals(0.1 + Math.sqrt(2 * 0.04 * 0.04), iv.get(1), 1e-15);
    assertTrue(BaselineChange.significant(iv));
    assertFalse(BaselineChange.significant(List.of(-0.01, 0.02)));
    assertEquals(BaselineChange.MIXED, BaselineChange.method(1, 2));
  }

  @Test
  void specsCompareTheirParametersAsNumbers() {
    assertTrue(Baseline.sameSpec("huber:delta=0.50", "huber:delta=0.5"));
    assertFalse(Baseline.sameSpec("huber:delta=1", "huber:delta=0.5"));
    assertFalse(Baseline.sameSpec("f1:average=macro", "f1:average=micro"));
  }
}
