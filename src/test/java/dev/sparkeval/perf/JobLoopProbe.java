package dev.sparkeval.perf;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.reflect.ClassTag$;

/** Manual probe (not a test): N empty runJob calls over P cached partitions, for a profiler; a third argument submits a (TaskContext, Iterator) function (no closure-cleaner parse). Args: P N [x] */
public final class JobLoopProbe {
  public static void main(String[] a) {
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    JavaSparkContext jsc = new JavaSparkContext(spark.sparkContext());
    List<Integer> xs = new ArrayList<>();
    for (int i = 0; i < 1000; i++) xs.add(i);
    JavaRDD<Integer> r = jsc.parallelize(xs, Integer.parseInt(a[0])).cache();
    r.count();
    int n = Integer.parseInt(a[1]);
    List<Object> ids = new ArrayList<>();
    for (int i = 0; i < r.getNumPartitions(); i++) ids.add(i);
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      if (a.length > 2) jsc.sc().runJob(r.rdd(), new Fn2(), scala.jdk.javaapi.CollectionConverters.asScala(ids).toList(), ClassTag$.MODULE$.apply(Integer.class));
      else jsc.sc().runJob(r.rdd(), new JobProbe.JobFn(), ClassTag$.MODULE$.apply(Integer.class));
      if (i == n / 2) t0 = System.nanoTime();
    }
    System.out.printf(a.length > 2 ? "Function2: " : "Function1: ");
    System.out.printf("%.2f ms a job%n", (System.nanoTime() - t0) / 1e6 / (n - n / 2 - 1));
  }

  static final class Fn2 extends scala.runtime.AbstractFunction2<org.apache.spark.TaskContext, scala.collection.Iterator<Integer>, Integer>
      implements java.io.Serializable {
    @Override public Integer apply(org.apache.spark.TaskContext c, scala.collection.Iterator<Integer> it) { return 0; }
  }
}
