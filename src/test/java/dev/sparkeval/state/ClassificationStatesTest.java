package dev.sparkeval.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.core.Value;
import dev.sparkeval.part.ConfusionParts;
import dev.sparkeval.testkit.Eval;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merges that must refuse, zero-division notes, undefined AUC reasons, report blocks. */
class ClassificationStatesTest {
  static Example mc(int label, double... p) {
    Example e = new Example();
    e.label = label;
    e.predictionVec = p;
    return e;
  }

  @Test
  void oneVersusOneRefusesMoreClassesThanItsSumsMayHold() {
    int k = RankStat.MAX_BY_CLASS + 1;
    RankStat r = new RankStat(Task.MULTICLASS, false, false, true);
    for (int y = 0; y < k; y++) {
      double[] p = new double[k];
      java.util.Arrays.fill(p, 1.0 / k);
      r.add(mc(y, p));
    }
    UsageException x = assertThrows(UsageException.class, () -> r.sums(0));
    assertTrue(x.getMessage().contains(k + " classes are more than its limit of " + RankStat.MAX_BY_CLASS), x.getMessage());
  }

  @Test
  void growingStatesMergeAcrossWidths() {
    ConfusionStat a = new ConfusionStat(Task.MULTICLASS, 0.5), b = new ConfusionStat(Task.MULTICLASS, 0.5);
    Example e = new Example();
    e.growing = true;
    e.label = 0;
    e.prediction = 1;
    a.add(e);
    e.label = 4;
    e.prediction = 2;
    b.add(e);
    a.merge(b);
    assertEquals(5, a.classes());
    assertEquals(java.math.BigDecimal.ONE, a.cell(0, 1));
    assertEquals(java.math.BigDecimal.ONE, a.cell(4, 2));
    assertEquals(java.math.BigDecimal.valueOf(2), a.total());
  }

  @Test
  void statesOfDifferentClassCountsRefuseToMergeNamingBothSizes() {
    ConfusionStat a = new ConfusionStat(Task.MULTICLASS, 0.5), b = new ConfusionStat(Task.MULTICLASS, 0.5);
    a.add(mc(0, 0.5, 0.3, 0.2));
    b.add(mc(1, 0.1, 0.5, 0.2, 0.2));
    UsageException x = assertThrows(UsageException.class, () -> a.merge(b));
    assertTrue(x.getMessage().contains("3 in some rows and 4 in others"), x.getMessage());
    RankStat r = new RankStat(Task.MULTICLASS, false), s = new RankStat(Task.MULTICLASS, false);
    r.add(mc(0, 0.5, 0.3, 0.2));
    s.add(mc(1, 0.1, 0.5, 0.2, 0.2));
    assertThrows(UsageException.class, () -> r.merge(s));
  }

  @Test
  void zeroDivisionIsNotedAndAucNamesTheClassWithoutPositives() {
    EvalOptions o = EvalOptions.of(Task.MULTICLASS);
    Plan plan = Eval.plan(o, List.of("precision:average=macro", "auc_roc", "accuracy"));
    StatSet s = Eval.fold(plan, List.of(mc(0, 0.7, 0.2, 0.1), mc(1, 0.6, 0.3, 0.1), mc(1, 0.2, 0.7, 0.1)));
    Value p = Eval.value(plan, s, "precision:average=macro");
    assertEquals(0.75, p.value(), 1e-15); // class 2 absent from truth and decisions: not averaged
    Value auc = Eval.value(plan, s, "auc_roc");
    assertTrue(auc.undefined().contains("class 2") && auc.undefined().contains("no positive"), auc.undefined());
    Plan.Outcome out = plan.finish(s);
    assertEquals(new ConfusionParts.Matrix(List.of(0, 1, 2), List.of(List.of(1L, 0L, 0L), List.of(1L, 1L, 0L),
        List.of(0L, 0L, 0L))), out.parts().get("confusion_matrix"));
    Plan plan2 = Eval.plan(o, List.of("recall:average=macro"));
    Value r = Eval.value(plan2, Eval.fold(plan2, List.of(mc(0, 0.2, 0.7, 0.1), mc(0, 0.2, 0.7, 0.1))), "recall:average=macro");
    assertEquals(0.0, r.value());
    assertTrue(r.note().contains("recall of class 1 is 0/0") && r.note().contains("zero_division=0"), r.note());
  }

  @Test
  void binnedAucEqualsExactWhenEveryBinHoldsOneDistinctScore() {
    java.util.Random r = new java.util.Random(4);
    List<Example> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Example e = new Example();
      e.prediction = r.nextInt(21) / 20.0 + 0.01; // inside bins of width 1/20, one distinct value each
      e.prediction = Math.min(e.prediction, 1.0);
      e.label = r.nextDouble() < e.prediction ? 1 : 0;
      e.weight = r.nextDouble() * 2;
      rows.add(e);
    }
    EvalOptions o = new EvalOptions(Task.BINARY, false, 0.5, null, true);
    Plan plan = Eval.plan(o, List.of("auc_roc", "auc_roc:bins=20", "auc_pr", "auc_pr:bins=20", "auc_roc:bins=3", "auc_pr:bins=3"));
    StatSet s = Eval.fold(plan, rows);
    for (String m : List.of("auc_roc", "auc_pr")) {
      Value exact = Eval.value(plan, s, m), fine = Eval.value(plan, s, m + ":bins=20"), coarse = Eval.value(plan, s, m + ":bins=3");
      assertEquals(exact.value(), fine.value(), 1e-12, m);
      assertTrue(Math.abs(coarse.value() - exact.value()) <= coarse.errorBound(), m + " within its bound");
      assertTrue(coarse.errorBound() < 0.5 && Double.isNaN(exact.errorBound()), m);
    }
  }

  /** Power-of-two bin counts (the fast path of the bin function) with unit and other weights in the same bins. */
  @Test
  void binnedAucWithPowerOfTwoBinsAndMixedWeightsEqualsExact() {
    java.util.Random r = new java.util.Random(5);
    List<Example> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 600; i++) {
      Example e = new Example();
      e.prediction = (r.nextInt(16) + 0.5) / 16; // the middle of a bin of width 1/16
      e.label = r.nextDouble() < e.prediction ? 1 : 0;
      e.weight = i % 2 == 0 ? 1.0 : r.nextDouble() * 2;
      rows.add(e);
    }
    EvalOptions o = new EvalOptions(Task.BINARY, false, 0.5, null, true);
    Plan plan = Eval.plan(o, List.of("auc_roc", "auc_roc:bins=16", "auc_pr", "auc_pr:bins=16"));
    StatSet s = Eval.fold(plan, rows);
    for (String m : List.of("auc_roc", "auc_pr")) {
      assertEquals(Eval.value(plan, s, m).value(), Eval.value(plan, s, m + ":bins=16").value(), 1e-12, m);
    }
  }

  /**
   * The bin of c is the last b whose boundary b / bins (as a double) is <= c, found here by
   * search; for power-of-two bin counts that boundary is exact, so the bin is floor(c * bins).
   */
  @Test
  void binIsTheLastBoundaryAtOrBelow() {
    java.util.Random r = new java.util.Random(6);
    double[] edges = {0, 1, Math.ulp(0.0), 1 - Math.ulp(1.0), 0.5, 0.1, 0.2, 0.3, 0.7, 0.9};
    for (int bins : new int[] {16, 4096, 15, 200, 1000}) {
      for (int i = 0; i < 3000; i++) {
        double c = i < edges.length ? edges[i] : r.nextDouble();
        int expected = 0;
        while (expected + 1 < bins && (expected + 1) / (double) bins <= c) expected++;
        assertEquals(expected, EceStat.bin(c, bins), c + " in " + bins + " bins");
        if ((bins & (bins - 1)) == 0) {
          int floor = new java.math.BigDecimal(c).multiply(java.math.BigDecimal.valueOf(bins))
              .setScale(0, java.math.RoundingMode.FLOOR).intValueExact();
          assertEquals(Math.min(floor, bins - 1), expected, c + " in " + bins + " bins");
        }
      }
    }
  }
}
