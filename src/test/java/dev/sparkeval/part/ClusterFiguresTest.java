package dev.sparkeval.part;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.catalog.Tasks;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.testkit.Eval;
import dev.sparkeval.testkit.Fixtures;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The clusters block against scikit-learn: each cluster's mean of silhouette_samples, to 1e-12 relative. */
class ClusterFiguresTest {
  @Test
  @SuppressWarnings("unchecked")
  void perClusterSilhouettesMatchScikitLearn() throws Exception {
    JsonNode root;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/clustering.json")) {
      root = new ObjectMapper().readTree(in);
    }
    int checked = 0;
    List<Fixtures.Case> cases = Fixtures.load("clustering");
    for (int i = 0; i < cases.size(); i++) {
      JsonNode want = root.get("cases").get(i).get("per_cluster");
      if (want == null) continue;
      Fixtures.Case c = cases.get(i);
      List<String> specs = new ArrayList<>();
      want.fieldNames().forEachRemaining(specs::add);
      Plan plan = Tasks.withMeasureParts(Eval.plan(new EvalOptions(Task.CLUSTERING, false, 0.5, null, false), specs));
      List<Example> rows = new ArrayList<>();
      for (int r = 0; r < c.rows(); r++) rows.add(c.example(r));
      StatSet s = Eval.fold(plan, rows);
      Eval.complete(s, rows);
      List<ClusterFigures.Cluster> got = (List<ClusterFigures.Cluster>) plan.finishOverall(s, StatSet.of(List.of())).parts()
          .get(ClusterFigures.KEY);
      assertEquals(want.get(specs.get(0)).size(), got.size(), c.name());
      for (ClusterFigures.Cluster cl : got) {
        for (Map.Entry<String, Double> e : cl.silhouette().entrySet()) {
          double ref = want.get(e.getKey()).get(Long.toString(cl.cluster())).asDouble();
          assertTrue(Fixtures.close(e.getValue(), ref, 1e-12), c.name() + " cluster " + cl.cluster() + " " + e.getKey()
              + ": " + e.getValue() + " vs " + ref);
          checked++;
        }
      }
    }
    assertTrue(checked > 20, "checked " + checked);
  }
}
