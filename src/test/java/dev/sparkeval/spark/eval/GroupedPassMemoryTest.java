package dev.sparkeval.spark.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.core.Partial;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.testkit.SparkTests;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The grouped pass when a task may hold little: a range whose queries do not fit is refused, the
 * pass runs again in eight times as many ranges and gives the bits of an unbounded run; when even
 * the smallest ranges do not fit, it fails with one line that says what to do.
 */
class GroupedPassMemoryTest {
  static final String[] METRICS = {"ndcg:k=5", "map", "mrr", "precision:k=3", "auc_roc"};

  /** 300 queries of 10 items (3000 rows): four ranges cannot all fit in a new table's 256 items. */
  static Dataset<Row> table(boolean textIds) {
    Random r = new Random(3);
    StructType schema = new StructType().add("q", textIds ? DataTypes.StringType : DataTypes.LongType)
        .add("score", DataTypes.DoubleType).add("grade", DataTypes.IntegerType).add("seg", DataTypes.StringType)
        .add("w", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    for (int q = 0; q < 300; q++) {
      double w = 0.5 + r.nextInt(4);
      String seg = "s" + q % 3;
      for (int i = 0; i < 10; i++) {
        Object id = textIds ? "query-" + q : (Object) (q * 7919L);
        rows.add(RowFactory.create(id, r.nextInt(5) / 4.0, r.nextInt(3), seg, w));
      }
    }
    return SparkTests.spark().createDataFrame(rows, schema).repartition(3);
  }

  static Evaluation.Settings settings(int partitions) {
    return Evaluation.settings().task(Task.RANKING).query("q").prediction("score").label("grade").weight("w")
        .metric(METRICS).slice("seg").partitions(partitions).build();
  }

  /** The pass with a task holding at most taskBytes, finished as evaluate finishes it. */
  static Evaluation.Result bounded(Dataset<Row> t, Evaluation.Settings s, long taskBytes) {
    Evaluation.Prepared pr = Evaluation.prepare(t.schema(), t::isEmpty, s);
    Partial prototype = new Partial(pr.plan().prototype(), pr.plan().overallPrototype(), s.maxSlices());
    Partial p = GroupedPass.run(pr.binding().project(t), pr.binding(), pr.plan().rule(), prototype, s.partitions(),
        taskBytes);
    return Evaluation.finish(pr, p, p.overall());
  }

  static String bits(Evaluation.Result r) {
    StringBuilder sb = new StringBuilder();
    r.overall().metrics().forEach((k, v) -> sb.append(k).append('=').append(Double.doubleToLongBits(v.value())).append(' '));
    for (Evaluation.SliceResult s : r.slices()) {
      sb.append(s.slice());
      s.outcome().metrics().forEach((k, v) -> sb.append(k).append('=').append(Double.doubleToLongBits(v.value())).append(' '));
    }
    return sb.append(r.rows()).append(' ').append(r.rowsUsed()).toString();
  }

  @Test
  void aRefusedRangeRunsAgainSmallerWithTheSameBits() {
    for (boolean text : new boolean[] {false, true}) {
      Dataset<Row> t = table(text).cache();
      Evaluation.Settings s = settings(4);
      String want = bits(Evaluation.run(t, s));
      assertEquals(want, bits(bounded(t, s, Long.MAX_VALUE)), "unbounded");
      // four ranges of 3000 rows: one holds at least 750 items, more than a new table's 256, so
      // the first pass is refused; in 32 ranges every range fits
      long initial = QueryTable.initialBytes() + (text ? 64 * 64 : 0);
      assertEquals(want, bits(bounded(t, s, initial)), text ? "string ids" : "long ids");
      t.unpersist();
    }
  }

  @Test
  void rangesThatNeverFitFailWithOneLine() {
    Dataset<Row> t = table(false);
    UsageException e = assertThrows(UsageException.class, () -> bounded(t, settings(4), QueryTable.initialBytes() - 1));
    assertTrue(e.getMessage().contains("do not fit in a task's memory even in 256 ranges")
        && e.getMessage().contains("spark.executor.memory"), e.getMessage());
  }
}
