package dev.sparkeval.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sparkeval.catalog.Tasks;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.IdTable;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.testkit.Eval;
import dev.sparkeval.testkit.QueryGenerators;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shared walks of one query: metrics of one family at several k (and map with and without a
 * cutoff) read one walk, so each must give the same bits alone as beside the others; and the id
 * table of the array layout must find exactly what a HashMap finds.
 */
class RankingWalkTest {
  static final List<String> SPECS = List.of("map", "map:k=3", "map:k=8", "ndcg:k=3", "ndcg:k=10", "ndcg:k=4,empty=skip",
      "precision:k=2", "precision:k=7", "recall:k=5", "hit_rate:k=3", "mrr", "mrr:k=2");

  @Test
  void everyMetricGivesTheSameBitsAloneAsBesideItsFamily() {
    for (boolean grouped : new boolean[] {false, true}) {
      Random r = new Random(grouped ? 5 : 6);
      List<Example> rows = new ArrayList<>();
      for (int i = 0; i < 400; i++) rows.add(grouped ? QueryGenerators.graded(r) : QueryGenerators.arrays(r));
      EvalOptions o = new EvalOptions(Task.RANKING, false, 0.5, null, false, false, grouped, null);
      Plan all = Tasks.withMeasureParts(Eval.plan(o, SPECS));
      StatSet together = Eval.fold(all, rows);
      for (String spec : SPECS) {
        Plan one = Eval.plan(o, List.of(spec));
        double alone = Eval.value(one, Eval.fold(one, rows), spec).value();
        assertEquals(Double.doubleToLongBits(alone), Double.doubleToLongBits(Eval.value(all, together, spec).value()),
            spec + (grouped ? " (long layout)" : " (arrays)"));
      }
    }
  }

  @Test
  void idTableFindsWhatAMapFinds() {
    Random r = new Random(9);
    IdTable t = new IdTable();
    for (int query = 0; query < 2000; query++) {
      int n = query % 50 == 0 ? 500 + r.nextInt(500) : r.nextInt(40);
      t.clear(n);
      Map<Long, Integer> want = new HashMap<>();
      for (int j = 0; j < n; j++) {
        double id = r.nextInt(3) == 0 ? r.nextInt(2 * n + 1) : r.nextBoolean() ? r.nextGaussian() : (double) r.nextLong();
        long k = Double.doubleToLongBits(id);
        int i = t.slot(k);
        int flags = want.getOrDefault(k, 0);
        assertEquals(flags, t.flags(i), "id " + id);
        int next = flags | (1 + r.nextInt(2));
        t.put(i, k, next);
        want.put(k, next);
      }
      for (Map.Entry<Long, Integer> w : want.entrySet()) assertEquals(w.getValue(), t.flags(t.slot(w.getKey())));
    }
  }
}
