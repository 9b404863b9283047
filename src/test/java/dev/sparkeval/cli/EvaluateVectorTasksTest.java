package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkeval.testkit.Cli;
import dev.sparkeval.testkit.SparkTests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * evaluate end to end on distribution, embedding and segmentation tables whose vectors are
 * arrays (double and float) and Spark ML vectors (dense and sparse), with slices: the same data
 * in either form gives the same bits, at any partitioning, and the values match direct formulas.
 */
class EvaluateVectorTasksTest {
  @TempDir static Path dir;
  static final DataType DOUBLES = DataTypes.createArrayType(DataTypes.DoubleType);
  static final DataType FLOATS = DataTypes.createArrayType(DataTypes.FloatType);
  static final DataType VECTOR = SQLDataTypes.VectorType();
  static String dist, emb, seg, pixels;
  static double[][] distP, distQ, embX, embY;
  static double[] distW;

  @BeforeAll
  static void tables() {
    Random r = new Random(17);
    int n = 600, k = 4, d = 8, px = 30;
    StructType ds = new StructType().add("target", DOUBLES).add("target_vec", VECTOR).add("probability", VECTOR)
        .add("probability_arr", DOUBLES).add("scores", FLOATS).add("w", DataTypes.DoubleType).add("segment", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    distP = new double[n][];
    distQ = new double[n][];
    distW = new double[n];
    for (int i = 0; i < n; i++) {
      double[] p = simplex(r, k, i % 3 == 0);
      double[] q = simplex(r, k, false);
      for (int j = 0; j < k; j++) q[j] = 0.5 * q[j] + 0.5 * p[j] + 0.01;
      q = normalise(q);
      distP[i] = p;
      distQ[i] = q;
      distW[i] = r.nextDouble() * 2;
      rows.add(RowFactory.create(list(p), Vectors.dense(p).compressed(), Vectors.dense(q), list(q), floats(r, k),
          distW[i], i % 4 == 0 ? "a" : "b"));
    }
    dist = write("dist.parquet", rows, ds);

    StructType es = new StructType().add("label", VECTOR).add("prediction", DOUBLES).add("same", DataTypes.IntegerType)
        .add("anchor", FLOATS).add("positive", FLOATS).add("negative", FLOATS).add("segment", DataTypes.StringType);
    rows = new ArrayList<>();
    embX = new double[n][];
    embY = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] x = gaussian(r, d, 1), y = gaussian(r, d, 0.7);
      for (int j = 0; j < d; j++) y[j] += x[j];
      embX[i] = x;
      embY[i] = y;
      rows.add(RowFactory.create(Vectors.dense(x), list(y), r.nextBoolean() ? 1 : -1, floats(r, d), floats(r, d),
          floats(r, d), i % 3 == 0 ? "x" : "y"));
    }
    emb = write("emb.parquet", rows, es);

    StructType ss = new StructType().add("mask", VECTOR).add("prob", DOUBLES).add("segment", DataTypes.StringType);
    StructType ps = new StructType().add("mask", DataTypes.IntegerType).add("prob", DataTypes.DoubleType);
    rows = new ArrayList<>();
    List<Row> pixelRows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      double[] y = new double[px], p = new double[px];
      int start = r.nextInt(px), len = r.nextInt(px / 2);
      for (int j = 0; j < px; j++) {
        y[j] = j >= start && j < start + len ? 1 : 0;
        p[j] = Math.min(1, Math.max(0, 0.7 * y[j] + 0.1 + 0.2 * r.nextGaussian()));
        pixelRows.add(RowFactory.create((int) y[j], p[j]));
      }
      rows.add(RowFactory.create(Vectors.dense(y).toSparse(), list(p), i % 2 == 0 ? "left" : "right"));
    }
    seg = write("seg.parquet", rows, ss);
    pixels = write("pixels.parquet", pixelRows, ps);
  }

  static String write(String name, List<Row> rows, StructType schema) {
    String path = dir.resolve(name).toString();
    SparkTests.spark().createDataFrame(rows, schema).coalesce(2).write().parquet(path);
    return path;
  }

  static double[] simplex(Random r, int k, boolean zeros) {
    double[] p = new double[k];
    for (int j = 0; j < k; j++) p[j] = zeros && j % 2 == 1 ? 0 : 0.05 + r.nextDouble();
    return normalise(p);
  }

  static double[] normalise(double[] p) {
    double s = 0;
    for (double v : p) s += v;
    for (int j = 0; j < p.length; j++) p[j] /= s;
    return p;
  }

  static double[] gaussian(Random r, int d, double scale) {
    double[] v = new double[d];
    for (int j = 0; j < d; j++) v[j] = scale * r.nextGaussian();
    return v;
  }

  static List<Double> list(double[] v) {
    List<Double> l = new ArrayList<>();
    for (double x : v) l.add(x);
    return l;
  }

  static List<Float> floats(Random r, int d) {
    List<Float> l = new ArrayList<>();
    for (int j = 0; j < d; j++) l.add((float) r.nextGaussian());
    return l;
  }

  static JsonNode run(String name, String... args) throws Exception {
    Path out = dir.resolve(name);
    List<String> a = new ArrayList<>(List.of("evaluate"));
    a.addAll(List.of(args));
    a.addAll(List.of("--out", out.toString()));
    Cli.Run run = Cli.run(a.toArray(new String[0]));
    assertEquals(0, run.code(), run.err() + run.out());
    return new ObjectMapper().readTree(out.resolve("report.json").toFile());
  }

  static String values(JsonNode r) {
    return r.get("losses").toString() + r.get("metrics") + r.get("slices") + r.get("undefined");
  }

  @Test
  void distributionFromArraysOrVectorsWithSlices() throws Exception {
    String[] specs = {"--loss", "kl_div", "--loss", "cross_entropy", "--metric", "js_divergence", "--weight", "w",
        "--slice", "segment"};
    JsonNode a = run("dist-a", concat(new String[] {"--input", dist, "--task", "distribution", "--label", "target",
        "--prediction", "probability"}, specs));
    JsonNode b = run("dist-b", concat(new String[] {"--input", dist, "--task", "distribution", "--label", "target_vec",
        "--prediction", "probability_arr", "--partitions", "5"}, specs));
    assertEquals(values(a), values(b), "arrays and ML vectors, 2 or 5 partitions: the same bits");
    assertEquals(2, a.get("slices").size());
    double sw = 0, kl = 0;
    for (int i = 0; i < distP.length; i++) {
      double s = 0;
      for (int j = 0; j < distP[i].length; j++) if (distP[i][j] > 0) s += distP[i][j] * Math.log(distP[i][j] / distQ[i][j]);
      kl += distW[i] * s;
      sw += distW[i];
    }
    assertEquals(kl / sw, a.get("losses").get("kl_div").asDouble(), 1e-12 * kl / sw);
    JsonNode logits = run("dist-logits", "--input", dist, "--task", "distribution", "--label", "target",
        "--prediction", "scores", "--logits", "--slice", "segment");
    assertTrue(logits.get("losses").get("kl_div").asDouble() > 0);
    assertTrue(logits.get("metrics").get("js_divergence").asDouble() <= Math.log(2));
  }

  @Test
  void embeddingWithTargetsAndTripletsWithSlices() throws Exception {
    String[] args = {"--input", emb, "--task", "embedding", "--target", "same", "--anchor", "anchor",
        "--positive", "positive", "--negative", "negative", "--loss", "cosine", "--loss", "cosine_embedding:margin=0.1",
        "--loss", "triplet", "--loss", "triplet:p=1,swap=true", "--metric", "cosine_similarity", "--slice", "segment"};
    JsonNode a = run("emb-a", args);
    JsonNode b = run("emb-b", concat(args, new String[] {"--partitions", "3"}));
    assertEquals(values(a), values(b));
    assertEquals(2, a.get("slices").size());
    double cos = 0;
    for (int i = 0; i < embX.length; i++) {
      double xy = 0, xx = 0, yy = 0;
      for (int j = 0; j < embX[i].length; j++) {
        xy += embX[i][j] * embY[i][j];
        xx += embX[i][j] * embX[i][j];
        yy += embY[i][j] * embY[i][j];
      }
      cos += xy / Math.sqrt(xx * yy);
    }
    cos /= embX.length;
    assertEquals(cos, a.get("metrics").get("cosine_similarity").asDouble(), 1e-12 * cos);
    assertEquals(1 - cos, a.get("losses").get("cosine").asDouble(), 1e-12);
  }

  @Test
  void tripletAloneNeedsNoLabelOrPredictionColumn() throws Exception {
    String only = dir.resolve("triplets.parquet").toString();
    SparkTests.spark().read().parquet(emb).select("anchor", "positive", "negative").write().parquet(only);
    JsonNode r = run("triplet-only", "--input", only, "--task", "embedding", "--anchor", "anchor", "--positive",
        "positive", "--negative", "negative", "--loss", "triplet:margin=0.5");
    assertEquals(embX.length, r.get("rows_used").asLong());
    assertTrue(r.get("losses").get("triplet:margin=0.5").asDouble() > 0);
  }

  @Test
  void segmentationPerImageAndPerPixelAgree() throws Exception {
    String[] specs = {"--loss", "dice", "--loss", "dice:reduction=global", "--loss", "tversky:alpha=0.3,beta=0.7",
        "--metric", "iou", "--metric", "iou:reduction=mean"};
    JsonNode images = run("seg", concat(new String[] {"--input", seg, "--task", "segmentation", "--label", "mask",
        "--prediction", "prob", "--slice", "segment"}, specs));
    JsonNode again = run("seg-parts", concat(new String[] {"--input", seg, "--task", "segmentation", "--label", "mask",
        "--prediction", "prob", "--slice", "segment", "--partitions", "4"}, specs));
    assertEquals(values(images), values(again));
    assertEquals(2, images.get("slices").size());
    JsonNode px = run("pixels", concat(new String[] {"--input", pixels, "--task", "segmentation", "--label", "mask",
        "--prediction", "prob"}, specs));
    double global = images.get("losses").get("dice:reduction=global").asDouble();
    assertEquals(global, px.get("losses").get("dice:reduction=global").asDouble(), 1e-12 * global);
    assertEquals(global, px.get("losses").get("dice").asDouble(), 1e-12 * global, "a pixel per row is always pooled");
    assertEquals(images.get("metrics").get("iou").asDouble(), px.get("metrics").get("iou").asDouble(), 0.0,
        "pooled IoU counts are exact integers");
    assertTrue(images.get("losses").get("dice").asDouble() != global, "per-image mean differs from pooled");
  }

  @Test
  void listShowsEveryVectorName() {
    Cli.Run run = Cli.run("list");
    assertEquals(0, run.code());
    for (String n : List.of("kl_div", "cross_entropy", "js_divergence", "cosine", "cosine_embedding", "triplet",
        "cosine_similarity", "dice", "tversky", "iou")) {
      assertTrue(run.out().contains("  " + n + " "), n);
    }
    for (String p : List.of("margin=0", "margin=1", "p=2", "swap=false", "smooth=1", "reduction=mean", "alpha=0.5",
        "beta=0.5", "label_smoothing=0")) {
      assertTrue(run.out().contains(p), p);
    }
  }

  static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
