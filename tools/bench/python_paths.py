"""Times sparkeval.evaluate's two paths on one cached table, in turn, in one session:
via="engine" (py4j, the command line's engine; exact AUC by its sort job) and via="sql" (the
sparkeval_evaluate aggregate that Spark Connect uses; exact AUC keeps distinct scores in the buffer).

    python tools/bench/python_paths.py [ROWS]        # needs: pip install pyspark==4.1.0 ./python

Prints the median seconds of each path and their ratio, with and without exact AUC, and checks
that both paths report the same values.
"""
import statistics
import sys
import time

import sparkeval
from pyspark.sql import SparkSession, functions as F


def main(rows: int) -> None:
    spark = (SparkSession.builder.master("local[2]").config("spark.jars", sparkeval.jar_path())
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.memory", "2g").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    df = (spark.range(rows, numPartitions=8)
          .select((F.rand(1) < 0.3).cast("int").alias("label"), F.round(F.rand(2), 4).alias("p"),
                  (F.col("id") % 7).cast("string").alias("segment"))
          .withColumn("p", F.when(F.col("label") == 1, F.sqrt("p")).otherwise(F.col("p") * F.col("p")))
          .cache())
    df.count()
    suites = {"eleven binary metrics": ["accuracy", "precision", "recall", "f1", "mcc", "log_loss", "brier",
                                        "auc_roc:bins=200", "balanced_accuracy", "specificity", "cohen_kappa"],
              "with exact auc_roc and auc_pr": ["accuracy", "f1", "log_loss", "auc_roc", "auc_pr"]}
    for name, metrics in suites.items():
        times = {"engine": [], "sql": []}
        values = {}
        for _ in range(5):
            for via in ("engine", "sql"):  # in turn, so a busy machine slows both alike
                start = time.perf_counter()
                r = sparkeval.evaluate(df, "binary", prediction="p", metrics=metrics, slices=["segment"], via=via)
                times[via].append(time.perf_counter() - start)
                values[via] = r.report["metrics"], [s.values for s in r.slices]
        assert values["engine"] == values["sql"], "the two paths differ"
        e, s = statistics.median(times["engine"]), statistics.median(times["sql"])
        print(f"{rows} rows, {name}: engine {e:.2f} s, sql {s:.2f} s, sql/engine {s / e:.2f} (same values)")
    spark.stop()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000)
