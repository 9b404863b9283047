package dev.sparkeval.spark.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.AttributeReference;
import org.apache.spark.sql.catalyst.expressions.ExprId;
import org.apache.spark.sql.catalyst.expressions.NamedExpression;
import org.apache.spark.sql.columnar.CachedBatchSerializer;
import org.apache.spark.sql.execution.ColumnarToRowExec;
import org.apache.spark.sql.execution.InputAdapter;
import org.apache.spark.sql.execution.ProjectExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.apache.spark.sql.execution.columnar.InMemoryRelation;
import org.apache.spark.sql.execution.columnar.InMemoryTableScanExec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Finds Spark's column batches under a table: when the plan that reads the bound columns (as
 * they are, without casts) is a columnar scan turned into rows (the vectorized parquet and ORC
 * readers, an all-numeric in-memory cache), or a scan of the in-memory cache whose bound columns
 * its serializer can hand out as vectors, the pass takes the batches directly. Anything else
 * (filters, joins, JSON, vectors, decimals) is read as rows.
 */
final class ColumnarInput {
  final RDD<ColumnarBatch> batches;
  final VectorReader reader;

  private ColumnarInput(RDD<ColumnarBatch> batches, VectorReader reader) {
    this.batches = batches;
    this.reader = reader;
  }

  /** The column batches of the bound columns, or null when the table does not offer them. */
  static ColumnarInput of(Dataset<Row> table, Binding binding) {
    List<String> names = new ArrayList<>(binding.columns().values());
    int roles = names.size();
    names.addAll(binding.slices());
    List<Column> cols = new ArrayList<>();
    for (String n : names) cols.add(functions.col(Binding.quote(n)));
    Dataset<Row> raw = table.select(cols.toArray(new Column[0]));
    for (int j = 0; j < names.size(); j++) {
      DataType t = raw.schema().fields()[j].dataType();
      if (j < roles ? !VectorReader.numeric(t) : !t.equals(DataTypes.StringType)) return null;
    }
    SparkPlan top = raw.queryExecution().executedPlan();
    List<Attribute> wanted = seq(top.output());
    SparkPlan plan = top;
    if (plan instanceof WholeStageCodegenExec w) plan = w.child();
    if (plan instanceof ProjectExec p) {
      for (NamedExpression e : seq(p.projectList())) if (!(e instanceof AttributeReference)) return null;
      plan = p.child();
    }
    if (plan instanceof InputAdapter a) plan = a.child();
    RDD<ColumnarBatch> rdd;
    List<Attribute> output;
    if (plan instanceof ColumnarToRowExec c && c.child().supportsColumnar()) {
      rdd = c.child().executeColumnar();
      output = seq(c.child().output());
    } else if (plan instanceof InMemoryTableScanExec scan && scan.predicates().isEmpty()) {
      InMemoryRelation rel = scan.relation();
      CachedBatchSerializer serializer = rel.cacheBuilder().serializer();
      if (!serializer.supportsColumnarOutput(schema(seq(scan.attributes())))) return null;
      rdd = serializer.convertCachedBatchToColumnarBatch(rel.cacheBuilder().cachedColumnBuffers(), rel.output(),
          scan.attributes(), raw.sparkSession().sessionState().conf());
      output = seq(scan.attributes());
    } else {
      return null;
    }
    Map<ExprId, Integer> at = new HashMap<>();
    for (int i = 0; i < output.size(); i++) at.put(output.get(i).exprId(), i);
    int[] ordinals = new int[wanted.size()];
    DataType[] types = new DataType[wanted.size()];
    for (int j = 0; j < wanted.size(); j++) {
      Integer i = at.get(wanted.get(j).exprId());
      if (i == null) return null;
      ordinals[j] = i;
      types[j] = wanted.get(j).dataType();
    }
    return new ColumnarInput(rdd, new VectorReader(ordinals, types, roles));
  }

  private static StructType schema(List<Attribute> attributes) {
    List<StructField> fields = new ArrayList<>();
    for (Attribute a : attributes) fields.add(DataTypes.createStructField(a.name(), a.dataType(), a.nullable()));
    return DataTypes.createStructType(fields);
  }

  private static <T> List<T> seq(scala.collection.Seq<T> s) {
    return CollectionConverters.asJava(s);
  }
}
