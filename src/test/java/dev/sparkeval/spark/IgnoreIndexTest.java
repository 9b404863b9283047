package dev.sparkeval.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkeval.catalog.Catalogs;
import dev.sparkeval.catalog.Tasks;
import dev.sparkeval.core.Catalog;
import dev.sparkeval.core.Entry;
import dev.sparkeval.core.EvalOptions;
import dev.sparkeval.core.Example;
import dev.sparkeval.core.Measure;
import dev.sparkeval.core.Plan;
import dev.sparkeval.core.RowRule;
import dev.sparkeval.core.StatSet;
import dev.sparkeval.core.Task;
import dev.sparkeval.core.UsageException;
import dev.sparkeval.core.Value;
import dev.sparkeval.measure.MeanMeasure;
import dev.sparkeval.testkit.Eval;
import dev.sparkeval.testkit.Fixtures;
import dev.sparkeval.testkit.SparkTests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * --ignore-index: against PyTorch's and TorchMetrics' ignore_index (tools/fixtures/ignore_index.py)
 * in plain Java and on Spark; for every binary and multiclass catalogue entry, a table padded with
 * ignored rows gives the bits of the same table without them (weights, slices, intervals too),
 * with the ignored rows counted overall and per slice; multilabel padded rows likewise.
 */
class IgnoreIndexTest {
  static final List<String> FILES = List.of("ignore_index_binary", "ignore_index_multiclass", "ignore_index_multilabel");

  @Test
  void matchesTorchMetricsAndPyTorchInPlainJava() {
    List<String> failures = new ArrayList<>();
    for (String file : FILES) {
      for (Fixtures.Case c : Fixtures.load(file)) {
        EvalOptions o = options(c);
        Plan plan = Eval.plan(o, new ArrayList<>(c.expected().keySet()));
        StatSet s = Eval.fresh(plan);
        for (int i = 0; i < c.rows(); i++) {
          Example e = c.example(i);
          RowRule.Bad bad = plan.rule().check(e);
          if (RowRule.ignored(bad)) continue;
          if (bad != null) throw new IllegalArgumentException(c.name() + " row " + i + ": " + bad.detail());
          s.add(e);
        }
        Map<String, Value> got = new LinkedHashMap<>();
        for (String spec : c.expected().keySet()) got.put(spec, Eval.value(plan, s, spec));
        compare(file + " / " + c.name(), c.expected(), got, failures);
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void matchesTorchMetricsAndPyTorchOnSparkAndCountsTheIgnoredRows() {
    List<String> failures = new ArrayList<>();
    for (String file : FILES) {
      for (Fixtures.Case c : Fixtures.load(file)) {
        Dataset<Row> df = table(c);
        long padded = ignoredRows(c);
        for (int partitions : new int[] {1, 3}) {
          Evaluation.Builder b = Evaluation.of(df).task(c.task()).prediction("prediction")
              .metric(c.expected().keySet().toArray(String[]::new)).logits(c.option("logits", false))
              .ignoreIndex((int) c.option("ignore_index", 0.0)).partitions(partitions);
          if (c.weighted()) b.weight("weight");
          Evaluation.Result r = b.run();
          Map<String, Value> got = new LinkedHashMap<>(r.overall().metrics());
          compare(file + " / " + c.name() + " at " + partitions + " partitions", c.expected(), got, failures);
          assertEquals(padded, r.rowsIgnored(), c.name());
          assertEquals(c.rows() - padded, r.rowsUsed(), c.name());
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  /** Binary and multiclass: every entry of the task with its defaults, padded table = the table without the padding, bit for bit. */
  @Test
  void ignoredRowsChangeNoBitOfAnyBinaryOrMulticlassValue() {
    for (Task task : List.of(Task.BINARY, Task.MULTICLASS)) {
      List<String> specs = specs(task);
      Dataset<Row> padded = classification(task, 600, 7).cache();
      Dataset<Row> kept = padded.filter(functions.col("label").notEqual(-100));
      for (int partitions : new int[] {1, 4}) {
        Evaluation.Result a = evaluation(padded, task, specs, partitions).ignoreIndex(-100).run();
        Evaluation.Result b = evaluation(kept, task, specs, partitions).run();
        assertEquals(bits(b), bits(a), task + " at " + partitions + " partitions");
        long ignored = padded.filter(functions.col("label").equalTo(-100)).count();
        assertTrue(ignored > 50, "the table has padding");
        assertEquals(ignored, a.rowsIgnored());
        assertEquals(b.rows(), a.rowsUsed());
        for (Evaluation.SliceResult s : a.slices()) {
          long inSlice = padded.filter(functions.col("label").equalTo(-100).and(functions.col("segment").equalTo(s.slice().get("segment"))))
              .count();
          assertEquals(inSlice, s.rowsIgnored(), "slice " + s.slice());
        }
      }
    }
  }

  /** Multilabel rows whose every element is the ignore index are left out whole: the values of the table without them. */
  @Test
  void multilabelPaddedRowsChangeNoBit() {
    List<String> specs = specs(Task.MULTILABEL);
    Dataset<Row> padded = classification(Task.MULTILABEL, 400, 9).cache();
    Dataset<Row> kept = padded.filter(functions.element_at(functions.col("label"), 1).notEqual(-100));
    Evaluation.Result a = evaluation(padded, Task.MULTILABEL, specs, 3).ignoreIndex(-100).run();
    Evaluation.Result b = evaluation(kept, Task.MULTILABEL, specs, 3).run();
    assertEquals(padded.count() - kept.count(), a.rowsIgnored());
    // the plain mean of bce and focal becomes the mean over kept elements (the same value, summed otherwise)
    Map<String, Double> va = a.values(), vb = b.values();
    for (String spec : specs) {
      if (spec.equals("bce") || spec.equals("focal")) assertTrue(Fixtures.close(va.get(spec), vb.get(spec), 1e-13), spec);
      else assertEquals(Double.doubleToLongBits(vb.get(spec)), Double.doubleToLongBits(va.get(spec)), spec);
    }
  }

  /** SQL: 'ignore_index=-100' leaves the rows out as evaluate does; cross_entropy's own parameter does too. */
  @Test
  void sqlCallsLeaveTheRowsOutAsEvaluateDoes() {
    dev.sparkeval.spark.sql.SqlFunctions.register(SparkTests.spark());
    Dataset<Row> padded = classification(Task.MULTICLASS, 300, 5);
    padded.createOrReplaceTempView("ignore_padded");
    Row row = SparkTests.spark().sql("SELECT accuracy(label, probability, w, 'ignore_index=-100'),"
        + " cross_entropy(label, probability, w, 'ignore_index=-100'), f1(label, probability, 'ignore_index=-100,average=macro')"
        + " FROM ignore_padded").first();
    Evaluation.Result weighted = Evaluation.of(padded).task(Task.MULTICLASS).weight("w").metric("accuracy", "cross_entropy")
        .ignoreIndex(-100).run();
    Evaluation.Result plain = Evaluation.of(padded).task(Task.MULTICLASS).metric("f1:average=macro").ignoreIndex(-100).run();
    assertEquals(weighted.value("accuracy"), row.getDouble(0));
    assertEquals(weighted.value("cross_entropy"), row.getDouble(1));
    assertEquals(plain.value("f1:average=macro"), row.getDouble(2));
    Exception e = assertThrows(Exception.class,
        () -> SparkTests.spark().sql("SELECT accuracy(label, probability) FROM ignore_padded").collect());
    String msg = String.valueOf(e.getMessage());
    assertTrue(msg.contains("label is -100.0") && msg.contains("--ignore-index -100"), msg);
    for (String[] call : new String[][] {{"accuracy(label, probability, 'ignore_index=x')", "ignore_index must be an integer label value such as -100, got 'x'"},
        {"mse(w, w, 'ignore_index=-100')", "ignore_index applies to binary, multiclass and multilabel labels, not regression"}}) {
      Exception bad = assertThrows(Exception.class, () -> SparkTests.spark().sql("SELECT " + call[0] + " FROM ignore_padded").collect());
      assertTrue(String.valueOf(bad.getMessage()).contains(call[1]), bad.getMessage());
    }
  }

  @Test
  void settingsThatCannotBe() {
    UsageException e = assertThrows(UsageException.class,
        () -> Evaluation.settings().task(Task.REGRESSION).ignoreIndex(-100).build());
    assertTrue(e.getMessage().contains("ignoreIndex applies to the labels of binary, multiclass and multilabel tasks, not regression"),
        e.getMessage());
    // a multilabel measure whose state would read an ignored element as 0 is refused, not computed wrong
    Entry blind = Entry.metric("first_label", java.util.Set.of(Task.MULTILABEL), "the first label", dev.sparkeval.core.Direction.LARGER,
        (t, p, o) -> new MeanMeasure(new dev.sparkeval.core.RowFunction() {
          @Override public String key() { return "first_label"; }
          @Override public double apply(Example x) { return x.labelVec[0]; }
        }));
    EvalOptions o = new EvalOptions(Task.MULTILABEL, false, 0.5, null, false, false, false, -100);
    UsageException m = assertThrows(UsageException.class, () -> Plan.build(new Catalog(List.of(blind)), o, List.of(),
        List.of("first_label"), List.of(), Tasks.rule(o)));
    assertTrue(m.getMessage().contains("first_label cannot leave out single label elements"), m.getMessage());
    for (String spec : NO_ELEMENT_MASK) {
      UsageException r = assertThrows(UsageException.class,
          () -> Evaluation.plan(Evaluation.settings().task(Task.MULTILABEL).metric(spec).ignoreIndex(-100).build()));
      assertTrue(r.getMessage().startsWith(spec + " cannot leave out single label elements"), r.getMessage());
    }
  }

  /**
   * The label-ranking metrics rank every element of a row against the others; TorchMetrics reads an
   * ignored element there as a relevant label scored -4K, so there is no value to match: refused.
   */
  static final List<String> NO_ELEMENT_MASK = List.of("coverage_error", "label_ranking_loss", "lrap");

  static List<String> specs(Task task) {
    List<String> out = new ArrayList<>();
    for (Entry e : Catalogs.standard().entries()) {
      if (e.tasks().contains(task) && !(task == Task.MULTILABEL && NO_ELEMENT_MASK.contains(e.name()))) out.add(e.name());
    }
    if (task != Task.BINARY) out.add("f1:average=weighted");
    out.add("auc_roc:bins=32");
    if (task == Task.MULTILABEL) out.add("f1:average=samples");
    return out;
  }

  static Evaluation.Builder evaluation(Dataset<Row> df, Task task, List<String> specs, int partitions) {
    return Evaluation.of(df).task(task).prediction("probability").weight("w").slice("segment")
        .metric(specs.toArray(String[]::new)).partitions(partitions).bootstrap(20).seed(3);
  }

  /** A weighted, sliced table with one row in six (one in ten for multilabel) padded with label -100. */
  static Dataset<Row> classification(Task task, int n, long seed) {
    Dataset<Row> base = task == Task.BINARY ? ClassificationSparkTest.binary(n, seed) : ClassificationSparkTest.vectors(task, n, 3, seed);
    Random r = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (Row row : base.collectAsList()) {
      boolean pad = r.nextInt(task == Task.MULTILABEL ? 10 : 6) == 0;
      Object label = row.get(0);
      if (pad) label = task == Task.MULTILABEL ? List.of(-100.0, -100.0, -100.0) : (Object) (-100.0);
      else if (task == Task.MULTILABEL) label = row.getList(0);
      Object p = task == Task.BINARY ? row.get(1) : row.getList(1);
      rows.add(RowFactory.create(label, p, row.get(2), row.get(3)));
    }
    return SparkTests.spark().createDataFrame(rows, base.schema());
  }

  static String bits(Evaluation.Result r) {
    StringBuilder b = new StringBuilder(bits(r.overall()));
    for (Evaluation.SliceResult s : r.slices()) b.append('\n').append(s.slice()).append(' ').append(bits(s.outcome()));
    return b.toString();
  }

  static String bits(Plan.Outcome o) {
    StringBuilder b = new StringBuilder("rows=" + o.rows() + " w=" + o.weightSum());
    for (Map<String, Value> vs : List.of(o.losses(), o.metrics())) {
      vs.forEach((k, v) -> b.append(' ').append(k).append('=').append(v.defined() ? Long.toHexString(Double.doubleToLongBits(v.value())) : v.undefined()));
    }
    b.append(' ').append(o.parts());
    return b.toString();
  }

  static EvalOptions options(Fixtures.Case c) {
    EvalOptions o = Eval.options(c);
    return new EvalOptions(o.task(), o.logits(), o.threshold(), o.classWeights(), o.weighted(), o.labelSets(),
        o.grouped(), (int) c.option("ignore_index", 0.0));
  }

  static long ignoredRows(Fixtures.Case c) {
    long n = 0;
    int ignore = (int) c.option("ignore_index", 0.0);
    for (int i = 0; i < c.rows(); i++) {
      Example e = c.example(i);
      boolean all = true;
      if (e.labelVec != null) for (double y : e.labelVec) all &= y == ignore;
      else all = e.label == ignore;
      if (all) n++;
    }
    return n;
  }

  /** The fixture's rows as a table: label and prediction (numbers or arrays) and the weight. */
  static Dataset<Row> table(Fixtures.Case c) {
    List<Row> rows = new ArrayList<>();
    boolean vecLabel = false, vecPred = false;
    for (int i = 0; i < c.rows(); i++) {
      Example e = c.example(i);
      vecLabel = e.labelVec != null;
      vecPred = e.predictionVec != null;
      Object y = vecLabel ? list(e.labelVec) : (Object) e.label;
      Object p = vecPred ? list(e.predictionVec) : (Object) e.prediction;
      rows.add(RowFactory.create(y, p, e.weight));
    }
    StructType schema = new StructType()
        .add("label", vecLabel ? DataTypes.createArrayType(DataTypes.DoubleType) : DataTypes.DoubleType)
        .add("prediction", vecPred ? DataTypes.createArrayType(DataTypes.DoubleType) : DataTypes.DoubleType)
        .add("weight", DataTypes.DoubleType);
    return SparkTests.spark().createDataFrame(rows, schema);
  }

  static List<Double> list(double[] v) {
    List<Double> l = new ArrayList<>();
    for (double x : v) l.add(x);
    return l;
  }

  static void compare(String what, Map<String, Double> expected, Map<String, Value> got, List<String> failures) {
    for (Map.Entry<String, Double> e : expected.entrySet()) {
      Value v = got.get(e.getKey());
      if (v == null || !v.defined()) {
        failures.add(what + ": " + e.getKey() + " undefined (" + (v == null ? "missing" : v.undefined()) + "), reference " + e.getValue());
      } else if (!Fixtures.close(v.value(), e.getValue(), 1e-12)) {
        failures.add(what + ": " + e.getKey() + " got " + v.value() + ", reference " + e.getValue());
      }
    }
  }
}
