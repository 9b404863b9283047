package dev.sparkeval.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.core.Role;
import dev.sparkeval.core.Task;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.testkit.Fixtures;
import dev.sparkeval.testkit.SparkTests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Ranking metrics as SQL aggregates over MLlib's array layout, a row per query: NAME(relevant_ids,
 * ranked_ids [, weight] [, k]) equals evaluate bit for bit. map is Spark's own function, so MAP is
 * mean_average_precision; the silhouette (two passes) is no aggregate.
 */
class RankingSqlTest {
  @Test
  void arrayLayoutCallsEqualEvaluate() {
    SqlFunctions.register(SparkTests.spark());
    int checked = 0;
    for (Fixtures.Case c : Fixtures.load("ranking")) {
      if (c.option("grouped", false)) continue;
      Dataset<Row> df = EveryTaskSqlTest.table(c);
      Evaluation.Builder b = Evaluation.of(df).task(Task.RANKING);
      if (c.weighted()) b.column(Role.WEIGHT, "weight");
      List<String> specs = new ArrayList<>(c.expected().keySet());
      Map<String, Double> want = b.metric(specs.toArray(String[]::new)).run().values();
      List<String> calls = new ArrayList<>();
      for (String spec : specs) {
        String call = EveryTaskSqlTest.call(c, spec, df);
        String name = call.substring(0, call.indexOf('('));
        calls.add(SqlFunctions.SQL_NAMES.getOrDefault(name, name) + call.substring(name.length()));
      }
      df.createOrReplaceTempView("queries");
      Row got = SparkTests.spark().sql("SELECT " + String.join(", ", calls) + " FROM queries").first();
      for (int i = 0; i < specs.size(); i++) {
        assertEquals(Double.doubleToLongBits(want.get(specs.get(i))), Double.doubleToLongBits(got.getDouble(i)), c.name() + " " + calls.get(i));
        checked++;
      }
    }
    assertTrue(checked >= 30, "checked " + checked);
    Row r = SparkTests.spark().sql("SELECT ndcg(label, prediction, 5), mean_average_precision(label, prediction),"
        + " hit_rate(label, prediction, 3), map(1, 2) FROM queries").first();
    assertEquals(Map.of(1, 2), scala.jdk.javaapi.CollectionConverters.asJava(r.<scala.collection.Map<Integer, Integer>>getAs(3)),
        "map is still Spark's map()");
  }

  @Test
  void silhouetteIsNoAggregate() {
    SqlFunctions.register(SparkTests.spark());
    Exception e = assertThrows(Exception.class, () -> SparkTests.spark().sql("SELECT silhouette(1.0, 2.0)").collect());
    assertTrue(e.getMessage().contains("silhouette"), e.getMessage());
  }
}
