package dev.sparkeval.perf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/** Manual probe (not a test): the latency of a tiny Spark job by partition count. */
public final class JobProbe {
  public static void main(String[] a) {
    SparkSession.Builder bld = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false");
    for (String kv : a) { String[] p = kv.split("=", 2); bld = bld.config(p[0], p[1]); }
    SparkSession spark = bld.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    JavaSparkContext jsc = new JavaSparkContext(spark.sparkContext());
    for (int parts : new int[] {1, 2, 8}) {
      List<Integer> xs = new ArrayList<>();
      for (int i = 0; i < 1000; i++) xs.add(i);
      JavaRDD<Integer> r = jsc.parallelize(xs, parts).cache();
      r.count();
      for (int round = 0; round < 2; round++) {
        double[] t = new double[300];
        for (int i = 0; i < t.length; i++) {
          long s = System.nanoTime();
          r.map(x -> 0).collect();
          t[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(t);
        System.out.printf("parts %d: median %.2f ms  min %.2f ms%n", parts, t[150], t[0]);
      }
      // one partition only, through runJob on a subset
      double[] t = new double[300];
      for (int i = 0; i < t.length; i++) {
        long s = System.nanoTime();
        jsc.sc().runJob(r.rdd(), new JobFn(), scala.jdk.javaapi.CollectionConverters.asScala(List.of((Object) 0)).toSeq(),
            scala.reflect.ClassTag$.MODULE$.apply(Integer.class));
        t[i] = (System.nanoTime() - s) / 1e6;
      }
      Arrays.sort(t);
      System.out.printf("parts %d, runJob on partition 0: median %.2f ms  min %.2f ms%n", parts, t[150], t[0]);
      List<Object> all = new ArrayList<>();
      for (int i = 0; i < parts; i++) all.add(i);
      for (int i = 0; i < t.length; i++) {
        long s = System.nanoTime();
        jsc.sc().runJob(r.rdd(), new JobFn(), scala.jdk.javaapi.CollectionConverters.asScala(all).toSeq(),
            scala.reflect.ClassTag$.MODULE$.apply(Integer.class));
        t[i] = (System.nanoTime() - s) / 1e6;
      }
      Arrays.sort(t);
      System.out.printf("parts %d, runJob on all: median %.2f ms  min %.2f ms%n", parts, t[150], t[0]);
      for (int i = 0; i < t.length; i++) {
        long s = System.nanoTime();
        r.mapPartitions(it -> List.of(0).iterator()).collect();
        t[i] = (System.nanoTime() - s) / 1e6;
      }
      Arrays.sort(t);
      System.out.printf("parts %d, mapPartitions collect: median %.2f ms  min %.2f ms%n", parts, t[150], t[0]);
    }
  }

  static final class JobFn extends scala.runtime.AbstractFunction1<scala.collection.Iterator<Integer>, Integer>
      implements java.io.Serializable {
    @Override public Integer apply(scala.collection.Iterator<Integer> it) { return 0; }
  }
}
