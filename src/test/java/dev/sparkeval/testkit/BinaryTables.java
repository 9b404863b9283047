package dev.sparkeval.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Binary prediction tables for the batch-over-batch tests: scores are the truth plus noise (more noise, a worse model). */
public final class BinaryTables {
  private BinaryTables() {}

  /** 3000 rows of label, probability, segment (app/web) and w (1..4) written as Parquet under dir; returns the path. */
  public static String write(Path dir, String name, double noise, long seed) {
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("probability", DataTypes.DoubleType)
        .add("segment", DataTypes.StringType).add("w", DataTypes.DoubleType);
    Random r = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      double y = r.nextDouble() < 0.4 ? 1 : 0;
      double z = (y == 1 ? 1.0 : -1.0) + noise * r.nextGaussian();
      rows.add(RowFactory.create(y, 1 / (1 + Math.exp(-z)), i % 3 == 0 ? "app" : "web", 1.0 + (i % 4)));
    }
    String path = dir.resolve(name).toString();
    SparkTests.spark().createDataFrame(rows, schema).coalesce(2).write().parquet(path);
    return path;
  }
}
