package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sparkeval.train.Epoch;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Keras line keeps four decimals, and switches to scientific notation where they would hide the value. */
class EpochLineTest {
  @Test
  void divergingAndTinyLossesPrintInScientificNotation() {
    assertEquals("0.4123", TrainCommand.number(0.41234));
    assertEquals("12345.6789", TrainCommand.number(12345.6789));
    assertEquals("1.2346e+40", TrainCommand.number(1.23456e40));
    assertEquals("3.0000e-07", TrainCommand.number(3e-7));
    assertEquals("0.0000", TrainCommand.number(0.0));
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("accuracy", 0.5);
    Epoch e = new Epoch(2, 10, 4.2e38, null, Double.valueOf(7e41), m, 0.25);
    assertEquals("Epoch 2/5 - 10 iterations - 0.3s - loss: 4.2000e+38 - val_loss: 7.0000e+41 - val_accuracy: 0.5000",
        TrainCommand.line(e, 5));
  }
}
