package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.testkit.Cli;
import dev.sparkeval.testkit.SparkTests;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate --task embedding}: the columns the README's embedding example reads, seeded and repeatable. */
class GenerateEmbeddingTest {
  @TempDir Path dir;

  @Test
  void writesLabelPredictionAndTripletVectorsOfTheAskedLength() {
    String out = dir.resolve("emb.parquet").toString();
    Cli.Run run = Cli.run("generate", "--task", "embedding", "--rows", "300", "--features", "7", "--partitions", "3", "--out", out);
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("wrote 300 rows (embedding, 3 partitions)"), run.out());
    List<Row> rows = SparkTests.spark().read().parquet(out).orderBy("id").collectAsList();
    assertEquals(300, rows.size());
    double cosLabelPrediction = 0, cosAnchorNegative = 0;
    for (Row r : rows) {
      double[] label = doubles(r, "label"), prediction = doubles(r, "prediction"), negative = doubles(r, "n");
      for (double[] v : List.of(label, prediction, negative)) assertEquals(7, v.length);
      assertArrayEquals(label, doubles(r, "a"));
      assertArrayEquals(prediction, doubles(r, "p"));
      assertEquals("s" + r.getLong(r.fieldIndex("id")) % 5, r.getString(r.fieldIndex("segment")));
      cosLabelPrediction += cos(label, prediction) / rows.size();
      cosAnchorNegative += cos(label, negative) / rows.size();
    }
    // the prediction is the label plus noise of a half standard deviation: cos about 1/sqrt(1.25)
    assertTrue(cosLabelPrediction > 0.8, "mean cos(label, prediction) " + cosLabelPrediction);
    assertTrue(Math.abs(cosAnchorNegative) < 0.1, "mean cos(a, n) " + cosAnchorNegative);

    String again = dir.resolve("again.parquet").toString();
    assertEquals(0, Cli.run("generate", "--task", "embedding", "--rows", "300", "--features", "7", "--partitions", "3",
        "--out", again).code());
    assertEquals(rows, SparkTests.spark().read().parquet(again).orderBy("id").collectAsList(), "same seed, same table");
  }

  @Test
  void refusesAVectorLengthBelowOneAndCsv() {
    Cli.Run zero = Cli.run("generate", "--task", "embedding", "--features", "0", "--out", dir.resolve("z").toString());
    assertEquals(2, zero.code());
    assertEquals("error: --features (the vector length) must be >= 1, got 0", zero.err().strip());
    Cli.Run csv = Cli.run("generate", "--task", "embedding", "--rows", "10", "--format", "csv", "--out", dir.resolve("c").toString());
    assertEquals(2, csv.code());
    assertTrue(csv.err().contains("csv cannot hold the vector columns of embedding tables"), csv.err());
    Cli.Run multilabel = Cli.run("generate", "--task", "multilabel", "--rows", "10", "--out", dir.resolve("m").toString());
    assertEquals(2, multilabel.code());
    assertTrue(multilabel.err().contains("takes regression, binary, multiclass, embedding, ranking or training, not multilabel"),
        multilabel.err());
  }

  static double[] doubles(Row r, String column) {
    return r.<Double>getList(r.fieldIndex(column)).stream().mapToDouble(Double::doubleValue).toArray();
  }

  static double cos(double[] x, double[] y) {
    double xy = 0, xx = 0, yy = 0;
    for (int i = 0; i < x.length; i++) {
      xy += x[i] * y[i];
      xx += x[i] * x[i];
      yy += y[i] * y[i];
    }
    return xy / Math.sqrt(xx * yy);
  }
}
