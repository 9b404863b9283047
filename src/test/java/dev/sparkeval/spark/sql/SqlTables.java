package dev.sparkeval.spark.sql;

import dev.sparkeval.testkit.SparkTests;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Test tables of (label, prediction, w, segment) in three partitions, registered as a view in a session with the functions. */
final class SqlTables {
  static final StructType SCHEMA = new StructType().add("label", DataTypes.DoubleType).add("prediction", DataTypes.DoubleType)
      .add("w", DataTypes.DoubleType).add("segment", DataTypes.StringType);

  private SqlTables() {}

  static Dataset<Row> view(String name, List<Row> rows) {
    SqlFunctions.register(SparkTests.spark());
    Dataset<Row> t = SparkTests.spark().createDataFrame(rows, SCHEMA).repartition(3);
    t.createOrReplaceTempView(name);
    return t;
  }
}
