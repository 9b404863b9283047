package dev.sparkeval.spark.train;

import dev.sparkeval.core.Task;
import dev.sparkeval.spark.gen.Synthetic;
import dev.sparkeval.train.Block;
import dev.sparkeval.train.ModelSpec;
import dev.sparkeval.train.Network;
import dev.sparkeval.train.Objective;
import dev.sparkeval.train.Objectives;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Manual probe (not a test): serialized size of the step job's RDD. */
public final class LineageProbe {
  public static void main(String[] a) throws Exception {
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    Dataset<Row> t = Synthetic.trainingSet(spark, 100000, 20, 8, 5).cache();
    t.count();
    List<String> cols = new ArrayList<>();
    for (int j = 0; j < 20; j++) cols.add("f" + j);
    FeatureColumns fc = FeatureColumns.resolve(t, cols, "label");
    int d = fc.dimension(fc.project(t, List.of()));
    JavaRDD<Block> built = RowBlocks.build(t, fc, "label", d, "training");
    ModelSpec model = ModelSpec.parse("logistic");
    Objective obj = Objectives.resolve("bce", model, Task.BINARY, null);
    Network net = model.network(d, 1);
    SparkBatches b = new SparkBatches(built, built, 5, 100, net, obj);
    b.epoch(1);
    System.out.println("built rdd: " + size(built.rdd()) + " bytes; epoch rdd: " + size(b.ordered().rdd()) + " bytes");
    System.out.println(b.ordered().toDebugString());
  }

  static int size(Object o) throws Exception {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bos)) {
      out.writeObject(o);
    }
    return bos.size();
  }
}
