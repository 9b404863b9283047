package dev.sparkeval.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.core.Task;
import dev.sparkeval.drift.Drift;
import dev.sparkeval.drift.DriftFixtureTest;
import dev.sparkeval.drift.DriftFixtures;
import dev.sparkeval.drift.LocalDrift;
import dev.sparkeval.testkit.SparkTests;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The drift job on Spark: overall and per slice, at 1 and 5 partitions and shuffled, with sort
 * ranges of 50 rows (many pieces per walk), the same bits as the in-memory walk, and scipy's values.
 */
class DriftSparkTest {
  static SparkSession spark;

  @BeforeAll
  static void small() {
    spark = SparkTests.spark();
    spark.conf().set("spark.sparkeval.sortRowsPerRange", "50");
  }

  @AfterAll
  static void restore() {
    spark.conf().unset("spark.sparkeval.sortRowsPerRange");
  }

  static Dataset<Row> table(DriftFixtures.Side s, int partitions, long seed) {
    StructType schema = new StructType().add("x", DataTypes.DoubleType).add("w", DataTypes.DoubleType)
        .add("segment", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < s.x().length; i++) rows.add(RowFactory.create(s.x()[i], s.w()[i], s.segment()[i]));
    java.util.Collections.shuffle(rows, new java.util.Random(seed));
    return spark.createDataFrame(rows, schema).repartition(partitions);
  }

  static Evaluation.Result run(DriftFixtures.Case c, int partitions) {
    return Evaluation.of(table(c.current(), partitions, partitions)).task(Task.REGRESSION).label("x").prediction("x")
        .weight("w").slice("segment").metric("mae").reference(table(c.reference(), partitions, 31L * partitions)).drift("x").run();
  }

  @Test
  void sameBitsAsInMemoryAtAnyPartitioningAndScipysValues() throws Exception {
    for (DriftFixtures.Case c : DriftFixtures.load()) {
      // ties, real weights and plain values; every case runs in memory in DriftFixtureTest
      if (!List.of("normal shift", "tied scores", "real weights").contains(c.name())) continue;
      Drift local = LocalDrift.of(c.current(), c.reference(), 1, 0, 40);
      for (int p : List.of(1, 5)) {
        Evaluation.Result r = run(c, p);
        assertEquals(local, r.drift().get("x"), c.name() + " at " + p + " partitions");
        DriftFixtureTest.matches(c.expected().get("overall"), r.drift().get("x"), c.name());
        for (Evaluation.SliceResult s : r.slices()) {
          String seg = s.slice().get("segment");
          Drift expected = LocalDrift.of(c.current().slice(seg), c.reference().slice(seg), 1, 0, 0);
          assertEquals(expected, s.drift().get("x"), c.name() + " slice " + seg + " at " + p);
          if (c.expected().get("slices").has(seg)) DriftFixtureTest.matches(c.expected().get("slices").get(seg), s.drift().get("x"), seg);
        }
      }
    }
  }

  @Test
  void aSliceMissingFromTheReferenceIsUndefinedAndTheOthersStillCount() throws Exception {
    DriftFixtures.Case c = DriftFixtures.load().get(0);
    Dataset<Row> cur = table(c.current(), 2, 1);
    Dataset<Row> ref = table(c.reference(), 2, 2).where("segment <> 'b'");
    Evaluation.Result r = Evaluation.of(cur).task(Task.REGRESSION).label("x").prediction("x").slice("segment")
        .reference(ref).drift("x").run();
    for (Evaluation.SliceResult s : r.slices()) {
      Drift d = s.drift().get("x");
      if (s.slice().get("segment").equals("b")) {
        assertEquals(null, d.ks());
        assertTrue(d.undefined().contains("reference"), d.undefined());
        assertEquals(0, d.rows().reference());
      } else {
        assertTrue(d.ks() > 0);
      }
    }
  }
}
