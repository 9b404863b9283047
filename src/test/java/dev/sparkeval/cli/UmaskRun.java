package dev.sparkeval.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Run by {@link UmaskTest} in a child JVM started under a given umask: every command that writes
 * files writes into the folder given, through the real command line. Exits 0 when all succeed.
 */
public final class UmaskRun {
  private UmaskRun() {}

  public static void main(String[] a) throws Exception {
    Path out = Path.of(a[0]);
    SparkSession spark = SparkSession.builder().master("local[1]").appName("umask").config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    Files.createDirectories(out);
    Path csv = out.resolve("preds.csv");
    Files.writeString(csv, "label,prediction\n1.0,1.5\n2.0,2.5\n3.0,2.0\n");
    String model = out.resolve("train/model.json").toString();
    String[][] runs = {
        {"evaluate", "--input", csv.toString(), "--task", "regression", "--out", out.resolve("eval").toString()},
        {"evaluate", "--input", csv.toString(), "--task", "regression", "--out", out.resolve("eval").toString()},
        {"train", "--train", "data/diabetes.csv", "--label", "progression", "--epochs", "1", "--checkpoint",
            out.resolve("ckpt").toString(), "--out", out.resolve("train").toString()},
        {"predict", "--model", model, "--input", "data/diabetes.csv", "--out", out.resolve("scored.parquet").toString()},
        {"predict", "--model", model, "--input", "data/diabetes.csv", "--out", out.resolve("scored.csv").toString()},
        {"sql", "--view", "preds=" + csv, "SELECT mse(label, prediction) AS mse FROM preds", "--out", out.resolve("sql").toString()},
    };
    PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
    int code = 0;
    for (String[] run : runs) {
      int c = Main.run(run, quiet, System.err, () -> spark);
      if (c != 0) System.err.println("failed (" + c + "): " + String.join(" ", run));
      code |= c;
    }
    spark.stop();
    System.exit(code);
  }
}
