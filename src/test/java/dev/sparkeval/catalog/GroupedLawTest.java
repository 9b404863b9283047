package dev.sparkeval.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.state.Centroids;
import dev.sparkeval.state.SilhouetteStat;
import dev.sparkeval.testkit.Eval;
import dev.sparkeval.testkit.QueryGenerators;
import dev.sparkeval.testkit.Serial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The law kit where rows are not folded one by one: ranking's long layout (a query's grades and
 * tied scores, in any item order) with every parameter, and the silhouette, whose second pass over
 * any split of the points, against the same clusters, merges to the same bits.
 */
class GroupedLawTest {
  static final List<String> RANKING = List.of("ndcg:k=3", "ndcg:k=10,gain=exponential,empty=skip", "map", "map:k=4",
      "mrr", "mrr:k=2,empty=skip", "precision:k=5", "recall:k=3", "hit_rate:k=2", "auc_roc", "auc_roc:empty=zero");

  @Test
  void longLayoutQueriesObeyTheLaws() {
    for (boolean weighted : new boolean[] {false, true}) {
      for (String spec : RANKING) {
        Random r = new Random(spec.hashCode() + (weighted ? 1 : 0));
        List<Example> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
          Example e = QueryGenerators.graded(r);
          e.weight = weighted ? (r.nextInt(5) == 0 ? 0.0 : r.nextDouble() * 3) : 1.0;
          rows.add(e);
        }
        Plan plan = Tasks.withMeasureParts(Eval.plan(new EvalOptions(Task.RANKING, false, 0.5, null, weighted, false, true, null), List.of(spec)));
        LawKitTest.laws(plan, rows, r);
      }
    }
  }

  @Test
  void itemOrderWithinAQueryDoesNotMatter() {
    Random r = new Random(3);
    Plan plan = Eval.plan(new EvalOptions(Task.RANKING, false, 0.5, null, false, false, true, null), RANKING);
    List<Example> rows = new ArrayList<>();
    List<Example> shuffled = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Example e = QueryGenerators.graded(r);
      rows.add(e);
      Example s = new Example();
      List<Integer> order = new ArrayList<>();
      for (int j = 0; j < e.labelVec.length; j++) order.add(j);
      Collections.shuffle(order, r);
      s.labelVec = new double[order.size()];
      s.predictionVec = new double[order.size()];
      for (int j = 0; j < order.size(); j++) {
        s.labelVec[j] = e.labelVec[order.get(j)];
        s.predictionVec[j] = e.predictionVec[order.get(j)];
      }
      s.key = e.key;
      shuffled.add(s);
    }
    assertEquals(LawKitTest.finished(plan, Eval.fold(plan, rows)), LawKitTest.finished(plan, Eval.fold(plan, shuffled)));
  }

  @Test
  @SuppressWarnings("unchecked")
  void curvesAtKEqualTheMetricsAtK() {
    Random r = new Random(11);
    List<Example> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) rows.add(QueryGenerators.graded(r));
    List<String> specs = List.of("ndcg:k=3", "ndcg:k=8", "precision:k=2", "precision:k=6", "map:k=5", "recall:k=4",
        "hit_rate:k=3", "ndcg:k=4,empty=skip");
    Plan plan = Tasks.withMeasureParts(Eval.plan(new EvalOptions(Task.RANKING, false, 0.5, null, false, false, true, null), specs));
    StatSet s = Eval.fold(plan, rows);
    java.util.Map<String, List<Double>> curves = (java.util.Map<String, List<Double>>) plan.finishOverall(s, StatSet.of(List.of()))
        .parts().get("ranking_at_k");
    assertEquals(List.of("ndcg", "precision", "map", "recall", "hit_rate", "ndcg:empty=skip"), new ArrayList<>(curves.keySet()));
    assertEquals(8, curves.get("ndcg").size());
    for (String spec : specs) {
      String family = spec.replaceAll("k=[0-9]+,?", "").replaceAll(":$", "");
      int k = Integer.parseInt(spec.replaceAll(".*k=([0-9]+).*", "$1"));
      assertEquals(Eval.value(plan, s, spec).value(), curves.get(family).get(k - 1), 0.0, spec);
    }
  }

  @Test
  void silhouetteSecondPassMergesOverAnySplit() {
    for (String spec : List.of("silhouette", "silhouette:distance=cosine")) {
      for (boolean weighted : new boolean[] {false, true}) {
        Random r = new Random(spec.hashCode() + (weighted ? 7 : 0));
        List<Example> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
          Example e = QueryGenerators.point(r);
          e.weight = weighted ? (r.nextInt(6) == 0 ? 0.0 : r.nextDouble() * 2) : 1.0;
          rows.add(e);
        }
        Plan plan = Eval.plan(new EvalOptions(Task.CLUSTERING, false, 0.5, null, weighted), List.of(spec));
        StatSet whole = Eval.fold(plan, rows);
        SilhouetteStat proto = (SilhouetteStat) plan.metrics().get(0).measure().needs().get(0);
        Centroids c = whole.get(proto).centroids();
        whole.get(proto).completeWith(rows, c);
        String want = LawKitTest.finished(plan, whole);
        for (int trial = 0; trial < 5; trial++) {
          List<Example> order = new ArrayList<>(rows);
          Collections.shuffle(order, r);
          int k = 2 + r.nextInt(6);
          List<List<Example>> parts = new ArrayList<>();
          for (int i = 0; i < k; i++) parts.add(new ArrayList<>());
          for (Example e : order) parts.get(r.nextInt(k)).add(e);
          StatSet merged = null;
          for (List<Example> part : parts) {
            StatSet s = Eval.fold(plan, part);
            s.get(proto).completeWith(part, c); // against the whole table's clusters, as the job does
            if (merged == null) merged = Serial.copy(s);
            else merged.merge(Serial.copy(s));
          }
          assertEquals(want, LawKitTest.finished(plan, merged), spec + " split into " + k);
        }
      }
    }
  }
}
