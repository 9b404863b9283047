package dev.sparkeval.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiagnosisTest {
  static List<Epoch> history(double[] train, double[] val, double[] acc) {
    List<Epoch> h = new ArrayList<>();
    for (int i = 0; i < train.length; i++) {
      h.add(new Epoch(i + 1, 10, train[i], null, val[i], acc == null ? Map.of() : Map.of("accuracy", acc[i]), 0.1));
    }
    return h;
  }

  @Test
  void overfittingFromTheEpochAfterTheBest() {
    Diagnosis.Verdict v = Diagnosis.of(history(new double[] {1, .8, .6, .5, .4, .3, .2, .1},
        new double[] {1.1, .9, .7, .65, .7, .8, .9, 1.0}, null), null);
    assertEquals("overfitting", v.kind());
    assertEquals(5, v.overfitFrom());
    assertTrue(v.text().startsWith("overfitting from epoch 5"), v.text());
  }

  @Test
  void underfittingWhileBothStillFall() {
    Diagnosis.Verdict v = Diagnosis.of(history(new double[] {5, 4, 3, 2.5, 2.2, 2.0},
        new double[] {5.5, 4.4, 3.3, 2.8, 2.5, 2.3}, null), null);
    assertEquals("underfitting", v.kind(), v.text());
  }

  @Test
  void goodFitWhenValidationLevelsOffOrOnlyWobbles() {
    Diagnosis.Verdict v = Diagnosis.of(history(new double[] {5, 2, 1.01, 1.0, 1.0, 0.999, 0.999, 0.999},
        new double[] {5, 2.2, 1.2, 1.19, 1.2, 1.195, 1.23, 1.2}, null), null);
    assertEquals("good_fit", v.kind(), v.text());
  }

  @Test
  void flagsValidationLossAndAccuracyRisingTogether() {
    Diagnosis.Verdict v = Diagnosis.of(history(new double[] {1, .8, .6, .5}, new double[] {1, .9, .95, .93},
        new double[] {.7, .8, .85, .84}), "accuracy");
    assertEquals(1, v.flagged().size());
    assertEquals(3, v.flagged().get(0).get("epoch"));
    assertTrue(((String) v.flagged().get(0).get("note")).contains("more confident"));
  }

  @Test
  void oneOrTwoEpochsAreNeverAGoodFit() {
    Diagnosis.Verdict one = Diagnosis.of(history(new double[] {5}, new double[] {5.5}, null), null);
    assertEquals("unknown", one.kind(), one.text());
    assertTrue(one.text().startsWith("too few epochs to judge the fit: 1 epoch"), one.text());
    Diagnosis.Verdict rose = Diagnosis.of(history(new double[] {5, 4}, new double[] {5.5, 5.6}, null), null);
    assertEquals("unknown", rose.kind(), rose.text());
    Diagnosis.Verdict falling = Diagnosis.of(history(new double[] {5, 4}, new double[] {5.5, 4.4}, null), null);
    assertEquals("underfitting", falling.kind(), "both still falling says so after two epochs: " + falling.text());
  }
}
