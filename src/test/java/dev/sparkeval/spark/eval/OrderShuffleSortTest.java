package dev.sparkeval.spark.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sparkeval.testkit.SparkTests;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * The sort jobs' packed shuffle: records packed per range ({@link RangePacker}) and
 * read back sorted ({@link RangeSort}) land in their unit's range, in (unit, bits, tag) order with
 * signed bits and tags, every record once with its value intact; and how many ranges a job gets.
 */
class OrderShuffleSortTest {
  private static final Comparator<Tuple2<long[], double[]>> KEY_THEN_VALUE = (a, b) -> {
    int c = Arrays.compare(a._1(), b._1());
    return c != 0 ? c : Arrays.compare(a._2(), b._2());
  };

  @Test void packedRangesComeBackSortedAndWhole() {
    for (boolean tagged : new boolean[] {false, true}) {
      Random rnd = new Random(tagged ? 7 : 3);
      long[] starts = {0, 5, 6, 40};
      OrderShuffle.Ranges ranges = new OrderShuffle.Ranges(starts);
      List<Tuple2<long[], double[]>> records = new ArrayList<>();
      for (int i = 0; i < 300_000; i++) {
        long unit = rnd.nextInt(300);
        long bits = switch (rnd.nextInt(4)) {
          case 0 -> rnd.nextLong();
          case 1 -> rnd.nextInt(5) - 2; // heavy ties around zero, both signs
          case 2 -> Long.MIN_VALUE + rnd.nextInt(3);
          default -> Long.MAX_VALUE - rnd.nextInt(3);
        };
        long[] key = tagged ? new long[] {unit, bits, rnd.nextInt(2)} : new long[] {unit, bits};
        double[] value = new double[1 + rnd.nextInt(5)];
        for (int j = 0; j < value.length; j++) value[j] = rnd.nextGaussian();
        records.add(new Tuple2<>(key, value));
      }
      List<List<Tuple2<Integer, byte[]>>> byRange = new ArrayList<>();
      for (int p = 0; p < starts.length; p++) byRange.add(new ArrayList<>());
      new RangePacker(records.iterator(), ranges).forEachRemaining(c -> byRange.get(c._1()).add(c));
      int seen = 0;
      for (int p = 0; p < starts.length; p++) {
        List<Tuple2<long[], double[]>> expected = new ArrayList<>();
        for (Tuple2<long[], double[]> r : records) if (ranges.range(r._1()[0]) == p) expected.add(r);
        expected.sort(KEY_THEN_VALUE);
        List<Tuple2<long[], double[]>> got = new ArrayList<>();
        new RangeSort(byRange.get(p).iterator()).forEachRemaining(r -> got.add(new Tuple2<>(r._1().clone(), r._2().clone())));
        for (int i = 1; i < got.size(); i++) {
          assertEquals(true, Arrays.compare(got.get(i - 1)._1(), got.get(i)._1()) <= 0, "out of key order at " + i);
        }
        got.sort(KEY_THEN_VALUE); // equal keys may come in any order: compare as multisets
        assertEquals(expected.size(), got.size());
        for (int i = 0; i < got.size(); i++) {
          assertArrayEquals(expected.get(i)._1(), got.get(i)._1());
          assertArrayEquals(expected.get(i)._2(), got.get(i)._2());
        }
        seen += got.size();
      }
      assertEquals(records.size(), seen);
    }
  }

  @Test void rangesFollowPartitionsWithinTheirBounds() {
    SparkSession spark = SparkTests.spark();
    Dataset<Row> one = spark.range(10).toDF().coalesce(1), four = spark.range(10).toDF().repartition(4);
    long[] rows = {300_000, 300_000, 300_000};
    assertEquals(1, OrderShuffle.ranges(one, rows));
    assertEquals(4, OrderShuffle.ranges(four, rows));
    assertEquals(1, OrderShuffle.ranges(four, new long[] {5, 5}));
    spark.conf().set(OrderShuffle.MAX_ROWS_PER_RANGE, "250000");
    try {
      assertEquals(4, OrderShuffle.ranges(one, rows)); // 900,000 rows, at most 250,000 a range
    } finally {
      spark.conf().unset(OrderShuffle.MAX_ROWS_PER_RANGE);
    }
  }

  @Test void anEmptyRangeSortsToNothing() {
    assertEquals(false, new RangeSort(List.<Tuple2<Integer, byte[]>>of().iterator()).hasNext());
  }
}
