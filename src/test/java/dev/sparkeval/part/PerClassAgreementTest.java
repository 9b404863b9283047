package dev.sparkeval.part;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sparkeval.catalog.Tasks;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.ReportPart;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.testkit.Eval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per_class block says what precision, recall and f1 with class=i (zero_division 0) say, to the bit. */
class PerClassAgreementTest {
  private static void agrees(Task task, int k, Random r) {
    EvalOptions o = new EvalOptions(task, false, 0.5, null, true);
    List<String> specs = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      for (String m : List.of("precision", "recall", "f1")) specs.add(m + ":class=" + c + ",zero_division=0");
    }
    Plan plan = Eval.plan(o, specs);
    List<Example> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      Example e = new Example();
      e.weight = r.nextInt(5) == 0 ? 0.1 * r.nextInt(30) : r.nextDouble() * 3;
      e.predictionVec = new double[k];
      if (task == Task.MULTILABEL) {
        e.labelVec = new double[k];
        for (int c = 0; c < k - 1; c++) { // the last label is never true
          e.labelVec[c] = r.nextBoolean() ? 1 : 0;
          e.predictionVec[c] = r.nextDouble();
        }
      } else {
        e.label = r.nextInt(k);
        int hot = r.nextInt(k - 1); // the last class is never predicted
        e.predictionVec[hot] = 0.75;
        for (int c = 0; c < k; c++) if (c != hot) e.predictionVec[c] = 0.25 / (k - 1);
      }
      rows.add(e);
    }
    StatSet s = Eval.fold(plan, rows);
    ReportPart part = Tasks.parts(o).stream().filter(p -> p.key().equals("per_class")).findFirst().orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, ConfusionParts.ClassFigures> block = (Map<String, ConfusionParts.ClassFigures>) part.finish(s);
    for (int c = 0; c < k; c++) {
      ConfusionParts.ClassFigures f = block.get(Integer.toString(c));
      double[] got = {f.precision(), f.recall(), f.f1()};
      for (int m = 0; m < 3; m++) {
        double want = Eval.value(plan, s, specs.get(3 * c + m)).value();
        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got[m]), task + " " + specs.get(3 * c + m));
      }
    }
  }

  @Test void multiclassAndMultilabel() {
    Random r = new Random(3);
    for (int trial = 0; trial < 30; trial++) {
      agrees(Task.MULTICLASS, 3 + trial % 5, r);
      agrees(Task.MULTILABEL, 2 + trial % 4, r);
    }
  }
}
