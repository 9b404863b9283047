package dev.sparkeval.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * KS and Wasserstein against scipy, deciles against numpy, PSI and JS against their formulas on the
 * same bins (tools/fixtures/drift.py), to 1e-12 relative; the walk cut into pieces anywhere gives the
 * same bits as one walk.
 */
public class DriftFixtureTest {
  static final double TOL = 1e-12;

  static void close(double expected, double actual, String what) {
    double scale = Math.max(Math.abs(expected), 1e-300);
    assertTrue(Math.abs(expected - actual) <= TOL * scale, what + ": expected " + expected + ", got " + actual);
  }

  /** The drift matches the fixture's expectation. */
  public static void matches(JsonNode exp, Drift d, String what) {
    close(exp.get("ks").asDouble(), d.ks(), what + " ks");
    close(exp.get("wasserstein").asDouble(), d.wasserstein(), what + " wasserstein");
    close(exp.get("psi").asDouble(), d.psi(), what + " psi");
    close(exp.get("js").asDouble(), d.js(), what + " js");
    for (int j = 0; j < 9; j++) assertEquals(exp.get("deciles").get(j).asDouble(), d.deciles().get(j), what + " decile " + (j + 1));
    for (int k = 0; k < 10; k++) {
      close(exp.get("bins_reference").get(k).asDouble(), d.bins().reference().get(k), what + " reference bin " + k);
      close(exp.get("bins_current").get(k).asDouble(), d.bins().current().get(k), what + " current bin " + k);
    }
  }

  @Test
  void everyCaseMatchesScipyOverallAndPerSlice() throws Exception {
    for (DriftFixtures.Case c : DriftFixtures.load()) {
      matches(c.expected().get("overall"), LocalDrift.of(c.current(), c.reference(), 1, 0, 0), c.name());
      Iterator<Map.Entry<String, JsonNode>> it = c.expected().get("slices").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> s = it.next();
        matches(s.getValue(), LocalDrift.of(c.current().slice(s.getKey()), c.reference().slice(s.getKey()), 1, 0, 0),
            c.name() + " slice " + s.getKey());
      }
    }
  }

  @Test
  void unitWeightsGiveScipysExactKsBitForBit() throws Exception {
    for (DriftFixtures.Case c : DriftFixtures.load()) {
      if (!c.current().unit() || !c.reference().unit() || c.current().x().length > 10_000) continue;
      // ks_2samp's exact mode rounds the statistic to h / lcm(n, m): the correctly rounded exact value, as here
      assertEquals(c.expected().get("overall").get("ks").asDouble(), LocalDrift.of(c.current(), c.reference(), 1, 0, 0).ks(), c.name());
    }
  }

  @Test
  void piecesJoinToTheSameBitsAsOneWalk() throws Exception {
    for (DriftFixtures.Case c : DriftFixtures.load()) {
      Drift one = LocalDrift.of(c.current(), c.reference(), 1, 0, 40);
      for (long seed = 1; seed <= 5; seed++) {
        for (int pieces : List.of(2, 7, 50)) {
          assertEquals(one, LocalDrift.of(c.current(), c.reference(), pieces, seed, 40), c.name() + " in " + pieces + " pieces");
        }
      }
    }
  }

  @Test
  void histogramSharesSumToOneOnEachSide() throws Exception {
    DriftFixtures.Case c = DriftFixtures.load().get(0);
    Drift d = LocalDrift.of(c.current(), c.reference(), 1, 0, 40);
    assertEquals(41, d.histogram().edges().size());
    close(1.0, d.histogram().reference().stream().mapToDouble(Double::doubleValue).sum(), "reference shares");
    close(1.0, d.histogram().current().stream().mapToDouble(Double::doubleValue).sum(), "current shares");
  }

  @Test
  void anEmptySideIsUndefinedWithItsReason() {
    DriftFixtures.Side none = new DriftFixtures.Side(new double[0], new double[0], new String[0]);
    DriftFixtures.Side some = new DriftFixtures.Side(new double[] {1, 2}, new double[] {1, 1}, new String[] {"a", "a"});
    Drift d = LocalDrift.of(some, none, 1, 0, 0);
    assertEquals(null, d.ks());
    assertTrue(d.undefined().contains("reference"), d.undefined());
  }
}
