"""sparkeval for PySpark: exact one-pass losses and metrics of prediction DataFrames.

    import sparkeval
    spark = SparkSession.builder.config("spark.jars", sparkeval.jar_path()).getOrCreate()
    result = sparkeval.evaluate(preds, "binary", metrics=["auc_roc", "f1"], slices=["segment"])
    result.values["auc_roc"]; result.write("out/eval")

Works on Classic sessions and over Spark Connect (a server started with the jar); the values
are those of ``./submit.sh evaluate`` bit for bit. ``sparkeval.ml.SparkevalEvaluator`` is a
pyspark.ml Evaluator for CrossValidator and TrainValidationSplit.
"""
from ._errors import GateFailure, UsageError
from ._evaluate import EvaluationResult, SliceResult, evaluate
from ._jar import jar_path, spark_version
from ._train import TrainingResult, train

__version__ = "0.1.0"

__all__ = ["evaluate", "train", "jar_path", "spark_version", "EvaluationResult", "SliceResult",
           "TrainingResult", "UsageError", "GateFailure"]
