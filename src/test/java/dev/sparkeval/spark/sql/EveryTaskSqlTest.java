package dev.sparkeval.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparkeval.core.Role;
import dev.sparkeval.core.Spec;
import dev.sparkeval.spark.Evaluation;
import dev.sparkeval.testkit.Fixtures;
import dev.sparkeval.testkit.SparkTests;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Over every reference fixture of every task: each spec called as a SQL aggregate equals the
 * evaluate engine's value bit for bit (options passed in the spec string), NULL where undefined.
 */
class EveryTaskSqlTest {
  static final List<String> TASKS = List.of("regression", "binary", "multiclass", "multilabel", "distribution", "embedding",
      "segmentation", "regression_peers", "binary_peers");

  @TestFactory
  Stream<DynamicTest> sqlEqualsEvaluateOnEveryFixture() {
    SqlFunctions.register(SparkTests.spark());
    List<DynamicTest> tests = new ArrayList<>();
    for (String task : TASKS) {
      if (EveryTaskSqlTest.class.getResource("/fixtures/" + task + ".json") == null) continue;
      for (Fixtures.Case c : Fixtures.load(task)) tests.add(DynamicTest.dynamicTest(task + " / " + c.name(), () -> check(c)));
    }
    return tests.stream();
  }

  static void check(Fixtures.Case c) {
    Dataset<Row> df = table(c);
    Evaluation.Builder b = Evaluation.of(df).task(c.task()).logits(c.option("logits", false)).threshold(c.option("threshold", 0.5));
    if (c.doubles("class_weights") != null) b.classWeights(c.doubles("class_weights"));
    for (String col : df.columns()) b.column(Role.valueOf(col.toUpperCase(java.util.Locale.ROOT)), col);
    List<String> specs = new ArrayList<>(c.expected().keySet());
    Map<String, Double> want = b.metric(specs.toArray(new String[0])).run().values();
    StringBuilder q = new StringBuilder("SELECT ");
    for (int i = 0; i < specs.size(); i++) q.append(i == 0 ? "" : ", ").append(call(c, specs.get(i), df));
    df.createOrReplaceTempView("fixture");
    Row got = SparkTests.spark().sql(q + " FROM fixture").first();
    int defined = 0;
    for (int i = 0; i < specs.size(); i++) {
      double w = want.get(specs.get(i));
      if (!got.isNullAt(i)) defined++;
      double g = got.isNullAt(i) ? Double.NaN : got.getDouble(i);
      assertEquals(Double.doubleToLongBits(w), Double.doubleToLongBits(g), specs.get(i) + ": evaluate " + w + ", sql " + g);
    }
    long expectedDefined = c.expected().values().stream().filter(v -> v != null).count();
    assertEquals(expectedDefined, defined, "defined values, as the reference has them");
  }

  /** The SQL call of a spec: the entry's columns, the weight, and the parameters and options as a spec string. */
  static String call(Fixtures.Case c, String specText, Dataset<Row> df) {
    Spec spec = Spec.parse(specText);
    List<String> args = new ArrayList<>();
    for (Role r : SqlCall.columns(spec.name())) args.add(r.id());
    if (List.of(df.columns()).contains("weight")) args.add("weight");
    Map<String, String> kv = new LinkedHashMap<>(spec.params());
    kv.put("task", c.task().id());
    kv.put("logits", Boolean.toString(c.option("logits", false)));
    kv.put("threshold", Double.toString(c.option("threshold", 0.5)));
    double[] cw = c.doubles("class_weights");
    if (cw != null) {
      List<String> ws = new ArrayList<>();
      for (double x : cw) ws.add(Double.toString(x));
      kv.put("class_weights", String.join(";", ws));
    }
    List<String> parts = new ArrayList<>();
    kv.forEach((k, v) -> parts.add(k + "=" + v));
    args.add("'" + String.join(",", parts) + "'");
    return spec.name() + "(" + String.join(", ", args) + ")";
  }

  /** The fixture's columns as a table: numbers as double, vectors as array of double. */
  static Dataset<Row> table(Fixtures.Case c) {
    StructType schema = new StructType();
    List<String> names = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = c.columns().fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> col = it.next();
      if (col.getValue().isNull() || !isRole(col.getKey())) continue;
      names.add(col.getKey());
      boolean vector = col.getValue().get(0).isArray();
      schema = schema.add(col.getKey(), vector ? DataTypes.createArrayType(DataTypes.DoubleType) : DataTypes.DoubleType);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < c.rows(); i++) {
      Object[] v = new Object[names.size()];
      for (int j = 0; j < v.length; j++) {
        JsonNode x = c.columns().get(names.get(j)).get(i);
        if (x.isArray()) {
          double[] d = new double[x.size()];
          for (int k = 0; k < d.length; k++) d[k] = x.get(k).asDouble();
          v[j] = d;
        } else {
          v[j] = x.asDouble();
        }
      }
      rows.add(RowFactory.create(v));
    }
    return SparkTests.spark().createDataFrame(rows, schema).repartition(2);
  }

  static boolean isRole(String name) {
    for (Role r : Role.values()) if (r.id().equals(name)) return true;
    return false;
  }

}
