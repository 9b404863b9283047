package dev.sparkeval.bench;

import dev.sparkeval.core.Role;
import dev.sparkeval.core.Task;
import dev.sparkeval.spark.Evaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Performance sanity for docs/BENCHMARKS.md: the triplet loss over ROWS rows of DIM-dimensional
 * anchor/positive/negative arrays, beside bare Spark scans of the same parquet table. Not a test
 * (no timing is asserted anywhere); run it with tools/bench/triplet.sh.
 *
 * <p>args: [rows=1000000] [dim=128] [path=target/bench/triplet-ROWS-DIM.parquet] [runs=3]
 */
public final class TripletBench {
  private static final DataType DOUBLES = DataTypes.createArrayType(DataTypes.DoubleType, false);

  private TripletBench() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    int dim = args.length > 1 ? Integer.parseInt(args[1]) : 128;
    String path = args.length > 2 ? args[2] : "target/bench/triplet-" + rows + "-" + dim + ".parquet";
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    SparkSession spark = SparkSession.builder().appName("triplet-bench").config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    if (!Files.exists(Path.of(path))) generate(spark, rows, dim, path);
    Dataset<Row> table = spark.read().parquet(path);
    int partitions = table.rdd().getNumPartitions();
    System.out.printf("table %s: %d rows, %d-dimensional double arrays, %d partitions, master %s, %d cores%n",
        path, rows, dim, partitions, spark.sparkContext().master(), Runtime.getRuntime().availableProcessors());

    double first = time("scan: sum of element 0 of each vector column", runs, rows, () ->
        table.select(functions.sum(functions.expr("anchor[0] + positive[0] + negative[0]"))).first().get(0));
    double rowsFloor = time("scan: the three columns as Spark internal rows, counted (the engine's input)", runs, rows,
        () -> table.select("anchor", "positive", "negative").queryExecution().toRdd().count());
    double every = time("scan: sum of every element (SQL aggregate)", runs, rows, () ->
        table.select(functions.sum(functions.expr("aggregate(anchor, 0D, (a, x) -> a + x) + aggregate(positive, 0D, "
            + "(a, x) -> a + x) + aggregate(negative, 0D, (a, x) -> a + x)"))).first().get(0));
    double triplet = time("sparkeval evaluate --loss triplet", runs, rows, () -> evaluate(table, List.of("triplet")));
    double three = time("sparkeval evaluate --loss triplet --loss triplet:swap=true --loss triplet:p=1", runs, rows,
        () -> evaluate(table, List.of("triplet", "triplet:swap=true", "triplet:p=1")));
    System.out.printf("%nsummary (median seconds): scan %.2f, internal rows %.2f, scan-every-element %.2f, triplet %.2f, "
        + "three triplets %.2f%n", first, rowsFloor, every, triplet, three);
    spark.stop();
  }

  /** anchor ~ U(-1, 1)^dim, positive = anchor + 0.8 U, negative = anchor + U: the loss is active on many rows. */
  static void generate(SparkSession spark, long rows, int dim, String path) {
    System.out.println("generating " + path + " ...");
    StructType schema = new StructType().add("anchor", DOUBLES).add("positive", DOUBLES).add("negative", DOUBLES);
    int parts = (int) Math.max(2, rows / 125_000);
    JavaRDD<Row> data = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(java.util.stream.IntStream.range(0, parts).boxed().toList(), parts)
        .flatMap(part -> {
          SplittableRandom r = new SplittableRandom(part);
          long n = rows / parts + (part < rows % parts ? 1 : 0);
          List<Row> out = new ArrayList<>();
          for (long i = 0; i < n; i++) {
            double[] a = new double[dim], p = new double[dim], q = new double[dim];
            for (int j = 0; j < dim; j++) {
              a[j] = r.nextDouble(-1, 1);
              p[j] = a[j] + 0.8 * r.nextDouble(-1, 1);
              q[j] = a[j] + r.nextDouble(-1, 1);
            }
            out.add(RowFactory.create(a, p, q));
          }
          return out.iterator();
        });
    spark.createDataFrame(data, schema).write().parquet(path);
  }

  static Object evaluate(Dataset<Row> table, List<String> losses) {
    return Evaluation.of(table).task(Task.EMBEDDING).column(Role.ANCHOR, "anchor").column(Role.POSITIVE, "positive")
        .column(Role.NEGATIVE, "negative").loss(losses.toArray(String[]::new)).run().overall().losses();
  }

  /** One warm-up, then the median of {@code runs} timed runs; prints seconds and rows per second. */
  static double time(String what, int runs, long rows, Supplier<Object> job) {
    Object result = job.get();
    double[] s = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      result = job.get();
      s[i] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(s);
    double median = s[runs / 2];
    System.out.printf("%-80s median %.2f s (runs %s)  %,.0f rows/s  -> %s%n", what, median, Arrays.toString(s),
        rows / median, result);
    return median;
  }
}
