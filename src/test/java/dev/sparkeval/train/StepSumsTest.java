package dev.sparkeval.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Step sums add up, and refuse partials of another model size as every state's merge does. */
class StepSumsTest {
  @Test void mergesByAdditionAndRefusesAnotherSize() {
    StepSums a = new StepSums(2), b = new StepSums(2);
    a.grad[0] = 1;
    b.grad[1] = 2;
    a.rows = 3;
    b.rows = 4;
    a.merge(b).merge(null);
    assertArrayEquals(new double[] {1, 2}, a.grad);
    assertEquals(7, a.rows);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.merge(new StepSums(3)));
    assertEquals("cannot merge step sums of 3 parameters into 2", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new StepSums(3).merge(new StepSums(2)));
  }
}
