package dev.sparkeval.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A value prints as a person reads it: the number, or why it is undefined. */
class ValueTest {
  @Test
  void printsTheNumberOrTheReason() {
    assertEquals("0.1", Value.of(0.1).toString());
    assertEquals("undefined: no rows", Value.undefined("no rows").toString());
    assertEquals("0.5 (zero_division applied)", Value.of(0.5).withNote("zero_division applied").toString());
    assertEquals("0.75 (error <= 0.001)", Value.of(0.75).withBound(0.001).toString());
    assertEquals("undefined: the value is not a number", Value.of(Double.NaN).toString());
  }
}
