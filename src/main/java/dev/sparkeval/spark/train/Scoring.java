package dev.sparkeval.spark.train;

import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.spark.eval.Binding;
import dev.sparkeval.train.ModelFile;
import dev.sparkeval.train.Network;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Scores a table with a model.json, appending Spark ML's columns: regression adds
 * {@code prediction}; classification adds {@code rawPrediction} (binary: [-margin, margin];
 * multiclass: the logits), {@code probability} (a vector) and {@code prediction} (the class
 * index), so the result evaluates like any Spark ML classifier's transform() output. Rows with
 * a null or non-finite feature get null outputs.
 */
public final class Scoring {
  private Scoring() {}

  public static Dataset<Row> score(Dataset<Row> table, ModelFile m, String predictionCol, String probabilityCol, String rawCol) {
    boolean cls = m.task() != Task.REGRESSION;
    List<String> names = Arrays.asList(table.columns());
    for (String c : cls ? List.of(rawCol, probabilityCol, predictionCol) : List.of(predictionCol)) {
      if (names.contains(c)) throw new UsageException("the input already has a column '" + c + "'; name the output differently");
    }
    boolean vector = m.featuresColumn() != null;
    List<String> feats = vector ? List.of(m.featuresColumn()) : m.features();
    int[] at = new int[feats.size()];
    for (int i = 0; i < at.length; i++) at[i] = names.indexOf(Binding.field(table, feats.get(i), "model feature").name());
    StructType schema = table.schema();
    if (cls) schema = schema.add(rawCol, SQLDataTypes.VectorType()).add(probabilityCol, SQLDataTypes.VectorType());
    schema = schema.add(predictionCol, DataTypes.DoubleType);
    int width = names.size();
    int d = m.network().inputs();
    MapPartitionsFunction<Row, Row> f = it -> {
      Network.Workspace ws = m.network().workspace();
      double[] x = new double[d];
      return new Iterator<Row>() {
        @Override public boolean hasNext() { return it.hasNext(); }

        @Override public Row next() {
          Row r = it.next();
          Object[] row = new Object[width + (cls ? 3 : 1)];
          for (int i = 0; i < width; i++) row[i] = r.get(i);
          if (read(r, vector, at, x)) {
            ModelFile.Scored s = m.score(x, ws);
            if (cls) {
              row[width] = Vectors.dense(s.raw());
              row[width + 1] = Vectors.dense(s.probability());
            }
            row[row.length - 1] = s.prediction();
          }
          return RowFactory.create(row);
        }
      };
    };
    return table.mapPartitions(f, Encoders.row(schema));
  }

  /**
   * The scored table as a CSV file can hold it: a CSV cell holds no vector, so a binary model's
   * rawPrediction and probability become the margin and the probability of class 1 (what evaluate
   * reads as a binary prediction); a multiclass model's vectors cannot be written to CSV.
   */
  public static Dataset<Row> forCsv(Dataset<Row> scored, ModelFile m, String probabilityCol, String rawCol) {
    checkCsv(m);
    if (m.task() == Task.REGRESSION) return scored;
    return scored.withColumn(rawCol, element1(scored, rawCol)).withColumn(probabilityCol, element1(scored, probabilityCol));
  }

  private static org.apache.spark.sql.Column element1(Dataset<Row> t, String vectorCol) {
    return org.apache.spark.ml.functions.vector_to_array(t.col(Binding.quote(vectorCol)), "float64").getItem(1);
  }

  /** Refuses CSV output for a model whose outputs are vectors of more than two classes. */
  public static void checkCsv(ModelFile m) {
    if (m.task() != Task.REGRESSION && m.task() != Task.BINARY) {
      throw new UsageException("CSV cannot hold the " + m.classes() + "-class probability vectors of a " + m.task().id()
          + " model; write --out with .parquet, .json or .orc");
    }
  }

  /** Fills x from the row; false when a feature is missing, not finite, or the vector has the wrong size. */
  static boolean read(Row r, boolean vector, int[] at, double[] x) {
    if (vector) {
      if (r.isNullAt(at[0])) return false;
      Object o = r.get(at[0]);
      if (o instanceof Vector v) {
        if (v.size() != x.length) return false;
        for (int j = 0; j < x.length; j++) x[j] = v.apply(j);
      } else {
        List<Object> l = r.getList(at[0]);
        if (l.size() != x.length) return false;
        for (int j = 0; j < x.length; j++) x[j] = l.get(j) == null ? Double.NaN : ((Number) l.get(j)).doubleValue();
      }
    } else {
      for (int j = 0; j < x.length; j++) {
        Object v = r.get(at[j]);
        if (v == null) return false;
        x[j] = v instanceof Boolean b ? (b ? 1.0 : 0.0) : ((Number) v).doubleValue();
      }
    }
    for (double v : x) if (!Double.isFinite(v)) return false;
    return true;
  }
}
