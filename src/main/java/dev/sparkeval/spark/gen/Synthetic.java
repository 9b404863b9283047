package dev.sparkeval.spark.gen;

import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Synthetic prediction tables and training sets of any size, generated inside Spark from seeded
 * column expressions (no driver-side data), for demos and benchmarks. The same seed and
 * partition count give the same table.
 */
public final class Synthetic {
  private Synthetic() {}

  public static Dataset<Row> predictions(SparkSession spark, Task task, long rows, int partitions, long seed, int classes) {
    Dataset<Row> base = spark.range(0, rows, 1, partitions).toDF("id")
        .withColumn("segment", functions.concat(functions.lit("s"), functions.col("id").mod(5).cast("string")));
    Column u = functions.rand(seed);
    Column g = functions.randn(seed + 1);
    return switch (task) {
      case REGRESSION -> base.withColumn("label", g.multiply(10).plus(100))
          .withColumn("prediction", functions.col("label").plus(functions.randn(seed + 2).multiply(3)))
          .withColumn("weight", functions.rand(seed + 3).multiply(2));
      case BINARY -> {
        // a calibrated-ish score: logit = 2 * signal + noise, label drawn from it
        Column margin = g.multiply(2);
        Column p = functions.lit(1).divide(functions.lit(1).plus(functions.exp(margin.multiply(-1))));
        yield base.withColumn("probability", p)
            .withColumn("label", functions.when(u.lt(functions.col("probability")), 1.0).otherwise(0.0))
            .withColumn("weight", functions.rand(seed + 3).multiply(2));
      }
      case MULTICLASS -> {
        if (classes < 2) throw new UsageException("--classes must be >= 2, got " + classes);
        Column[] logits = new Column[classes];
        for (int k = 0; k < classes; k++) logits[k] = functions.randn(seed + 10 + k);
        Dataset<Row> d = base.withColumn("label", functions.floor(u.multiply(classes)).cast("double"));
        Column label = functions.col("label").cast("int");
        Column[] boosted = new Column[classes];
        Column sum = functions.lit(0.0);
        for (int k = 0; k < classes; k++) {
          boosted[k] = functions.exp(logits[k].plus(functions.when(label.equalTo(k), 1.5).otherwise(0.0)));
        }
        d = d.withColumn("z", functions.array(boosted));
        for (int k = 0; k < classes; k++) sum = sum.plus(functions.col("z").getItem(k));
        d = d.withColumn("zs", sum);
        yield d.withColumn("probability", functions.transform(functions.col("z"), x -> x.divide(functions.col("zs"))))
            .drop("z", "zs").withColumn("weight", functions.rand(seed + 3).multiply(2));
      }
      default -> throw new UsageException("generate --task takes regression, binary, multiclass, embedding, ranking or training, not "
          + task.id());
    };
  }

  /**
   * A ranking table of the long layout, queries x items rows: query (long), item (int), grade
   * (0/1 when binary, else 0..3, mostly 0) and a score that rises with the grade, plus noise.
   * Rows come query by query; repartition to spread each query over the partitions.
   */
  public static Dataset<Row> rankingTable(SparkSession spark, long queries, int items, int partitions, long seed, boolean binary) {
    Column id = functions.col("id");
    Column grade = binary ? functions.when(functions.rand(seed).lt(0.2), 1).otherwise(0)
        : functions.floor(functions.pow(functions.rand(seed), 3).multiply(4)).cast("int");
    return spark.range(0, queries * items, 1, partitions).toDF("id")
        .withColumn("query", id.divide(items).cast("long"))
        .withColumn("item", id.mod(items).cast("int"))
        .withColumn("grade", grade)
        .withColumn("score", functions.col("grade").multiply(0.7).plus(functions.randn(seed + 1)))
        .drop("id");
  }

  /**
   * An embedding table: {@code label} and {@code prediction} vectors of {@code dims} numbers (the
   * prediction a noisy copy of the label), and triplets {@code a} (the label), {@code p} (the
   * prediction) and {@code n} (an unrelated vector), with the {@code segment} column.
   */
  public static Dataset<Row> embeddings(SparkSession spark, long rows, int dims, int partitions, long seed) {
    if (dims < 1) throw new UsageException("--features (the vector length) must be >= 1, got " + dims);
    Dataset<Row> d = spark.range(0, rows, 1, partitions).toDF("id")
        .withColumn("segment", functions.concat(functions.lit("s"), functions.col("id").mod(5).cast("string")));
    Column[] label = new Column[dims], prediction = new Column[dims], other = new Column[dims];
    for (int j = 0; j < dims; j++) {
      label[j] = functions.randn(seed + 10 + j);
      other[j] = functions.randn(seed + 10 + dims + j);
    }
    d = d.withColumn("label", functions.array(label));
    for (int j = 0; j < dims; j++) {
      prediction[j] = functions.col("label").getItem(j).plus(functions.randn(seed + 10 + 2L * dims + j).multiply(0.5));
    }
    return d.withColumn("prediction", functions.array(prediction)).withColumn("a", functions.col("label"))
        .withColumn("p", functions.col("prediction")).withColumn("n", functions.array(other));
  }

  /** Segment names of {@link #userTable}: seven slices, drawn at random per row. */
  public static final String[] SEGMENTS = {"android", "ios", "web", "desktop", "tv", "partner", "other"};

  /**
   * The table a user benchmarks against hand-written SQL: {@code segment} (one of seven names),
   * a regression pair {@code label, prediction} and a binary pair {@code y} (0/1) and
   * {@code probability}, all drawn from seeded generators.
   */
  public static Dataset<Row> userTable(SparkSession spark, long rows, int partitions, long seed) {
    Column[] names = new Column[SEGMENTS.length];
    for (int i = 0; i < names.length; i++) names[i] = functions.lit(SEGMENTS[i]);
    Column pick = functions.floor(functions.rand(seed + 4).multiply(SEGMENTS.length)).cast("int").plus(1);
    Column margin = functions.randn(seed + 5).multiply(2);
    return spark.range(0, rows, 1, partitions).toDF("id")
        .withColumn("segment", functions.element_at(functions.array(names), pick))
        .withColumn("label", functions.randn(seed).multiply(10).plus(100))
        .withColumn("prediction", functions.col("label").plus(functions.randn(seed + 1).multiply(3)))
        .withColumn("probability", functions.lit(1).divide(functions.lit(1).plus(functions.exp(margin.multiply(-1)))))
        .withColumn("y", functions.when(functions.rand(seed + 6).lt(functions.col("probability")), 1.0).otherwise(0.0))
        .select("segment", "label", "prediction", "y", "probability");
  }

  /** A training set: `features` columns f0..f{n-1} and a label from a known logistic model. */
  public static Dataset<Row> trainingSet(SparkSession spark, long rows, int features, int partitions, long seed) {
    Dataset<Row> d = spark.range(0, rows, 1, partitions).toDF("id");
    Column margin = functions.lit(0.0);
    for (int j = 0; j < features; j++) {
      d = d.withColumn("f" + j, functions.randn(seed + j));
      margin = margin.plus(functions.col("f" + j).multiply(((j % 5) - 2) * 0.5));
    }
    Column p = functions.lit(1).divide(functions.lit(1).plus(functions.exp(margin.multiply(-1))));
    return d.withColumn("label", functions.when(functions.rand(seed + 999).lt(p), 1.0).otherwise(0.0));
  }
}
