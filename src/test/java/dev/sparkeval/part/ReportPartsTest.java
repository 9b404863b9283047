package dev.sparkeval.part;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sparkeval.core.Bootstrap;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.ReportPart;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.testkit.Eval;
import dev.sparkeval.testkit.Generators;
import dev.sparkeval.testkit.Serial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The report's chart parts obey the law kit's rules (split, shuffle, merge, serialise) and say what they should. */
class ReportPartsTest {
  static List<Example> binaryRows(Random r, int n, boolean weighted) {
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Example e = new Example();
      e.label = r.nextBoolean() ? 1 : 0;
      e.prediction = r.nextInt(10) == 0 ? r.nextInt(2) : 1 / (1 + Math.exp(-(2 * e.label - 1) - r.nextGaussian()));
      e.weight = weighted ? r.nextDouble() * 3 : 1.0;
      out.add(e);
    }
    return out;
  }

  static String finish(ReportPart p, StatSet s) {
    return String.valueOf(p.finish(s));
  }

  static void laws(ReportPart p, List<Example> rows, Random r) {
    StatSet proto = StatSet.of(p.needs());
    StatSet whole = proto.fresh();
    for (Example e : rows) whole.add(e);
    String expected = finish(p, whole);
    for (int trial = 0; trial < 4; trial++) {
      List<Example> shuffled = new ArrayList<>(rows);
      Collections.shuffle(shuffled, r);
      int k = 2 + r.nextInt(6);
      List<StatSet> parts = new ArrayList<>();
      for (int i = 0; i < k; i++) parts.add(proto.fresh());
      for (Example e : shuffled) parts.get(r.nextInt(k)).add(e);
      Collections.shuffle(parts, r);
      StatSet merged = Serial.copy(parts.get(0));
      for (int i = 1; i < k; i++) merged.merge(Serial.copy(parts.get(i)));
      merged.merge(proto.fresh());
      assertEquals(expected, finish(p, merged), p.key() + " split into " + k);
    }
  }

  @Test
  void curvesResidualsAndIntervalsObeyTheLaws() {
    Random r = new Random(17);
    for (boolean weighted : new boolean[] {false, true}) {
      laws(new ScoreCurves(), binaryRows(r, 2000, weighted), r);
      laws(new ResidualPlots(), Generators.rows(Task.REGRESSION, r, 2000, weighted), r);
      Plan plan = Eval.plan(EvalOptions.of(Task.REGRESSION), List.of("mse", "r2"));
      laws(new Bootstrap(plan.losses(), plan.metrics(), 20, 3), Generators.rows(Task.REGRESSION, r, 300, weighted), r);
    }
  }

  @Test
  void calibrationTableAndEceMatchADirectComputationAndTheEceMetric() {
    List<Example> rows = binaryRows(new Random(3), 3000, true);
    for (int bins : new int[] {15, 10}) {
      ScoreCurves part = new ScoreCurves(bins);
      StatSet s = StatSet.of(part.needs());
      for (Example e : rows) s.add(e);
      ScoreCurves.Calibration cal = part.finish(s).calibration();
      double[] w = new double[bins];
      double[] pos = new double[bins];
      double[] score = new double[bins];
      long[] n = new long[bins];
      double total = 0;
      for (Example e : rows) {
        int b = Math.min(bins - 1, (int) Math.floor(e.prediction * bins));
        w[b] += e.weight;
        pos[b] += e.weight * e.label;
        score[b] += e.weight * e.prediction;
        n[b]++;
        total += e.weight;
      }
      double ece = 0;
      for (int b = 0; b < bins; b++) if (w[b] > 0) ece += w[b] / total * Math.abs(pos[b] / w[b] - score[b] / w[b]);
      assertEquals(ece, cal.ece(), 1e-12);
      for (ScoreCurves.Bin bin : cal.table()) {
        int b = (int) Math.round(bin.low() * bins);
        assertEquals(n[b], bin.rows());
        assertEquals(w[b], bin.weight(), 1e-9);
      }
      // the chart's ECE is the ece metric's, bit for bit
      String spec = bins == 15 ? "ece" : "ece:bins=" + bins;
      Plan plan = Eval.plan(new EvalOptions(Task.BINARY, false, 0.5, null, true), List.of(spec));
      assertEquals(Eval.value(plan, Eval.fold(plan, rows), spec).value(), cal.ece());
    }
  }

}
