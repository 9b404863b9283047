package dev.sparkeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.testkit.BadInput;
import dev.sparkeval.testkit.Cli;
import dev.sparkeval.testkit.SparkTests;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to the vector tasks: exit 2, one line naming the row, the values and what is expected. */
class VectorBadInputTest {
  @TempDir static Path dir;
  static String emb;

  @BeforeAll
  static void files() throws Exception {
    emb = json("emb.json", "{\"label\": [1, 0, 0], \"prediction\": [0.5, 0.5, 0], \"t\": 1}",
        "{\"label\": [0, 1, 0], \"prediction\": [0.1, 0.9, 0.3], \"t\": -1}");
  }

  /** As BadInputTest.bad: exit 2, one line holding every fragment, no report written. */
  static void bad(List<String> fragments, String... args) {
    BadInput.expect(dir, fragments, List.of(args));
  }

  static String json(String name, String... lines) throws Exception {
    return BadInput.lines(dir, name, lines);
  }

  static String[] args(String input, String task, String... more) {
    return BadInput.evaluate(input, task, more);
  }

  @Test
  void distributionsMustBeDistributions() throws Exception {
    String neg = json("neg.json", "{\"label\": [0.5, 0.5], \"prediction\": [0.4, 0.6]}",
        "{\"label\": [1.2, -0.2], \"prediction\": [0.4, 0.6]}");
    bad(List.of("row 1", "label has entry 1 = -0.2", "must be >= 0"), args(neg, "distribution"));
    String sum = json("sum.json", "{\"label\": [0.5, 0.5], \"prediction\": [0.4, 0.7]}");
    bad(List.of("row 0", "prediction sums to 1.1", "must sum to 1 (within 1.0E-6)", "--logits"), args(sum, "distribution"));
    String close = json("close.json", "{\"label\": [0.5, 0.5], \"prediction\": [0.4, 0.6000005]}");
    assertEquals(0, Cli.run(args(close, "distribution", "--out", dir.resolve("close").toString())).code(),
        "within 1e-6 of 1 is a distribution");
  }

  @Test
  void vectorLengthsAreCheckedWithinAndAcrossRows() throws Exception {
    String within = json("within.json", "{\"label\": [0.5, 0.5], \"prediction\": [0.2, 0.3, 0.5]}");
    bad(List.of("row 0", "label has 2 entries but prediction has 3"), args(within, "distribution"));
    String across = json("across.json", "{\"label\": [0.5, 0.5], \"prediction\": [0.5, 0.5]}",
        "{\"label\": [0.2, 0.3, 0.5], \"prediction\": [0.2, 0.3, 0.5]}");
    bad(List.of("row 1", "vectors have 3 entries but the first row of this partition has 2"), args(across, "distribution"));
    String nulls = json("nulls.json", "{\"label\": [0.5, 0.5], \"prediction\": [0.5, 0.5]}",
        "{\"label\": [0.5, null], \"prediction\": [0.5, 0.5]}");
    bad(List.of("row 1", "label is NaN"), args(nulls, "distribution"));
    String empty = json("empty.json", "{\"label\": [1.0], \"prediction\": [1.0]}", "{\"label\": [], \"prediction\": []}");
    bad(List.of("row 1", "label is an empty vector", "at least one entry"), args(empty, "embedding"));
  }

  @Test
  void dimensionsThatDifferBetweenPartitionsRefuseToMerge() {
    StructType schema = new StructType().add("label", DataTypes.createArrayType(DataTypes.DoubleType))
        .add("prediction", DataTypes.createArrayType(DataTypes.DoubleType));
    List<Row> rows = List.of(RowFactory.create(new double[] {1, 0}, new double[] {0.5, 0.5}),
        RowFactory.create(new double[] {1, 0, 0}, new double[] {0.5, 0.25, 0.25}));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkTests.spark().sparkContext());
    SparkTests.spark().createDataFrame(jsc.parallelize(rows, 2), schema).createOrReplaceTempView("mixed_dimensions");
    bad(List.of("mixes vectors of", "2", "3", "every row must have the same dimension"),
        "evaluate", "--table", "mixed_dimensions", "--task", "embedding");
  }

  @Test
  void targetsAndMasks() throws Exception {
    String t = json("t.json", "{\"label\": [1, 0], \"prediction\": [1, 1], \"t\": 1}",
        "{\"label\": [1, 0], \"prediction\": [1, 1], \"t\": 0}");
    bad(List.of("row 1", "target is 0.0", "must be 1 or -1"),
        args(t, "embedding", "--target", "t", "--loss", "cosine_embedding"));
    String m = json("m.json", "{\"label\": [1, 0], \"prediction\": [0.2, 1.5]}");
    bad(List.of("row 0", "prediction entry 1 is 1.5", "must lie in [0, 1]"), args(m, "segmentation"));
    String px = json("px.json", "{\"label\": 2, \"prediction\": 0.5}");
    bad(List.of("label is 2.0", "must lie in [0, 1]"), args(px, "segmentation"));
    String mixed = json("mixed.json", "{\"label\": 1, \"prediction\": [0.5, 0.5]}");
    bad(List.of("label is a number but prediction a vector", "both as vectors"), args(mixed, "segmentation"));
  }

  @Test
  void parameterRanges() {
    bad(List.of("cosine_embedding: margin must be in [-1, 1]", "got 2"),
        args(emb, "embedding", "--target", "t", "--loss", "cosine_embedding:margin=2"));
    bad(List.of("triplet: margin must be in [0, inf)", "got -1"), args(emb, "embedding", "--anchor", "label",
        "--positive", "prediction", "--negative", "prediction", "--loss", "triplet:margin=-1"));
    bad(List.of("triplet: p must be in [1, inf)"), args(emb, "embedding", "--anchor", "label",
        "--positive", "prediction", "--negative", "prediction", "--loss", "triplet:p=0.5"));
    bad(List.of("triplet: swap must be true or false"), args(emb, "embedding", "--anchor", "label",
        "--positive", "prediction", "--negative", "prediction", "--loss", "triplet:swap=yes"));
    bad(List.of("dice: smooth must be in [0, inf)", "got -1"), args(emb, "segmentation", "--loss", "dice:smooth=-1"));
    bad(List.of("dice: reduction must be one of [mean, global]", "got 'sum'"),
        args(emb, "segmentation", "--loss", "dice:reduction=sum"));
    bad(List.of("tversky: alpha must be in [0, inf)"), args(emb, "segmentation", "--loss", "tversky:alpha=-0.1"));
    bad(List.of("tversky: alpha and beta must not both be 0"),
        args(emb, "segmentation", "--loss", "tversky:alpha=0,beta=0"));
    bad(List.of("cross_entropy: label_smoothing must be in [0, 1]"),
        args(emb, "distribution", "--loss", "cross_entropy:label_smoothing=2"));
    bad(List.of("cross_entropy: base must be e or a number > 0 other than 1", "got '1'"),
        args(emb, "distribution", "--loss", "cross_entropy:base=1"));
    bad(List.of("iou: zero_division must be one of [0, 1]"), args(emb, "segmentation", "--metric", "iou:zero_division=2"));
  }

  @Test
  void columnOptionsFollowTheRequestedMeasures() throws Exception {
    bad(List.of("triplet needs the column options --anchor, --positive, --negative"),
        args(emb, "embedding", "--loss", "triplet"));
    bad(List.of("triplet:margin=2 needs the column options --positive, --negative"),
        args(emb, "embedding", "--anchor", "label", "--loss", "triplet:margin=2"));
    bad(List.of("cosine_embedding needs the column option --target"), args(emb, "embedding", "--loss", "cosine_embedding"));
    bad(List.of("--target is given but no requested loss or metric reads it", "cosine_embedding"),
        args(emb, "embedding", "--target", "t"));
    bad(List.of("--label column 'label' has type bigint", "expected a vector"),
        args(json("scalar.json", "{\"label\": 1, \"prediction\": 1}"), "embedding"));
    bad(List.of("--class-weights does not apply to task embedding"), args(emb, "embedding", "--class-weights", "1,2"));
    bad(List.of("--logits does not apply to task segmentation"), args(emb, "segmentation", "--logits"));
  }

  @Test
  void classWeightsMustMatchTheDimension() throws Exception {
    String d = json("cw.json", "{\"label\": [0.5, 0.5], \"prediction\": [0.4, 0.6]}");
    bad(List.of("--class-weights gives 3 weights but the prediction vectors have 2 entries (first row)"), // before the pass
        args(d, "distribution", "--loss", "cross_entropy", "--class-weights", "1,2,3"));
  }
}
