"""A pyspark.ml Evaluator for every sparkeval loss and metric (CrossValidator, TrainValidationSplit).

Pure Python on top of :func:`sparkeval.evaluate`, so it works on Classic sessions (the engine,
through py4j) and over Spark Connect (the sparkeval_evaluate SQL aggregate) alike, and it saves and
loads with pyspark's own persistence (DefaultParamsWritable), inside a saved CrossValidator(Model)
or TrainValidationSplit(Model) too. Its parameters and defaults are those of the Java
``dev.sparkeval.spark.ml.SparkevalEvaluator``.
"""
import json
import math
from typing import Dict, List, Optional

from pyspark import keyword_only
from pyspark.ml.evaluation import Evaluator
from pyspark.ml.param import Param, Params, TypeConverters
from pyspark.ml.util import DefaultParamsReadable, DefaultParamsWritable

from ._errors import UsageError, translated
from ._evaluate import evaluate, is_remote

TASKS = ("regression", "binary", "multiclass", "multilabel", "distribution", "embedding", "segmentation", "ranking",
         "clustering")


class SparkevalEvaluator(Evaluator, DefaultParamsReadable, DefaultParamsWritable):
    """Evaluates a prediction DataFrame with one sparkeval spec.

    ``evaluate(df)`` returns the value of ``metric`` (a spec such as ``"mse"``, ``"huber:delta=0.5"``
    or ``"auc_roc"``; NaN when undefined on this data); ``isLargerBetter()`` follows its meaning
    (losses smaller); ``evaluateAll(df)`` returns ``metric`` and every spec of ``metrics`` from one
    pass, by spec (None where undefined).

    >>> ev = SparkevalEvaluator(task="binary", metric="auc_roc", metrics=["f1", "log_loss"])
    """

    task = Param(Params._dummy(), "task", "the task: " + ", ".join(TASKS), typeConverter=TypeConverters.toString)
    labelCol = Param(Params._dummy(), "labelCol", "label column (true value, class index or target vector)",
                     typeConverter=TypeConverters.toString)
    predictionCol = Param(Params._dummy(), "predictionCol", "prediction column; by default 'prediction' for "
                          "regression, 'probability' for classification", typeConverter=TypeConverters.toString)
    weightCol = Param(Params._dummy(), "weightCol", "example weight column (finite, >= 0); unset means unweighted",
                      typeConverter=TypeConverters.toString)
    metric = Param(Params._dummy(), "metric", "the loss or metric that evaluate() returns, as a spec such as "
                   "huber:delta=0.5; by default the task's first default loss", typeConverter=TypeConverters.toString)
    metrics = Param(Params._dummy(), "metrics", "further specs that evaluateAll() computes in the same pass",
                    typeConverter=TypeConverters.toListString)
    logits = Param(Params._dummy(), "logits", "the prediction column holds logits, not probabilities",
                   typeConverter=TypeConverters.toBoolean)
    threshold = Param(Params._dummy(), "threshold", "binary decision threshold on the probability",
                      typeConverter=TypeConverters.toFloat)
    queryCol = Param(Params._dummy(), "queryCol", "ranking: the query column of one row per query and item; unset "
                     "for MLlib's arrays", typeConverter=TypeConverters.toString)
    featuresCol = Param(Params._dummy(), "featuresCol", "clustering: the feature vector column",
                        typeConverter=TypeConverters.toString)

    @keyword_only
    def __init__(self, *, task: str = "regression", labelCol: str = "label", predictionCol: Optional[str] = None,
                 weightCol: Optional[str] = None, metric: Optional[str] = None, metrics: Optional[List[str]] = None,
                 logits: bool = False, threshold: float = 0.5, queryCol: Optional[str] = None,
                 featuresCol: Optional[str] = None):
        super().__init__()
        self._setDefault(task="regression", labelCol="label", metrics=[], logits=False, threshold=0.5)
        self._session = None
        self._info: Dict[tuple, dict] = {}
        self.setParams(**self._input_kwargs)

    @keyword_only
    def setParams(self, *, task: str = "regression", labelCol: str = "label", predictionCol: Optional[str] = None,
                  weightCol: Optional[str] = None, metric: Optional[str] = None, metrics: Optional[List[str]] = None,
                  logits: bool = False, threshold: float = 0.5, queryCol: Optional[str] = None,
                  featuresCol: Optional[str] = None) -> "SparkevalEvaluator":
        """Sets the given params (None leaves a param unset: the task's default)."""
        kwargs = {k: v for k, v in self._input_kwargs.items() if v is not None}
        if "task" in kwargs and kwargs["task"] not in TASKS:
            raise UsageError(f"task must be one of {', '.join(TASKS)}, got '{kwargs['task']}'")
        if "threshold" in kwargs and not 0 < kwargs["threshold"] < 1:
            raise UsageError(f"threshold must be strictly between 0 and 1, got {kwargs['threshold']}")
        return self._set(**kwargs)

    def setTask(self, value: str) -> "SparkevalEvaluator":
        return self.setParams(task=value)

    def setLabelCol(self, value: str) -> "SparkevalEvaluator":
        return self._set(labelCol=value)

    def setPredictionCol(self, value: str) -> "SparkevalEvaluator":
        return self._set(predictionCol=value)

    def setWeightCol(self, value: str) -> "SparkevalEvaluator":
        return self._set(weightCol=value)

    def setMetric(self, value: str) -> "SparkevalEvaluator":
        return self._set(metric=value)

    def setMetrics(self, value: List[str]) -> "SparkevalEvaluator":
        return self._set(metrics=value)

    def setLogits(self, value: bool) -> "SparkevalEvaluator":
        return self._set(logits=value)

    def setThreshold(self, value: float) -> "SparkevalEvaluator":
        return self.setParams(threshold=value)

    def setQueryCol(self, value: str) -> "SparkevalEvaluator":
        return self._set(queryCol=value)

    def setFeaturesCol(self, value: str) -> "SparkevalEvaluator":
        return self._set(featuresCol=value)

    def getQueryCol(self) -> Optional[str]:
        """Ranking's query column (one row per query and item), or None for MLlib's array layout."""
        return self.getOrDefault(self.queryCol) if self.isDefined(self.queryCol) else None

    def getFeaturesCol(self) -> Optional[str]:
        return self.getOrDefault(self.featuresCol) if self.isDefined(self.featuresCol) else None

    def getTask(self) -> str:
        return self.getOrDefault(self.task)

    def getLabelCol(self) -> str:
        return self.getOrDefault(self.labelCol)

    def getPredictionCol(self) -> Optional[str]:
        """The prediction column, or None for the task's default (prediction / probability)."""
        return self.getOrDefault(self.predictionCol) if self.isDefined(self.predictionCol) else None

    def getWeightCol(self) -> Optional[str]:
        return self.getOrDefault(self.weightCol) if self.isDefined(self.weightCol) else None

    def getMetric(self) -> str:
        """The spec that evaluate() returns: as set, else the task's first default loss (asked of the JVM)."""
        if self.isDefined(self.metric):
            return self.getOrDefault(self.metric)
        return self._metric_info(None)["spec"]

    def getMetrics(self) -> List[str]:
        return list(self.getOrDefault(self.metrics))

    def getLogits(self) -> bool:
        return self.getOrDefault(self.logits)

    def getThreshold(self) -> float:
        return self.getOrDefault(self.threshold)

    def _run(self, dataset, specs: List[str]):
        self._session = dataset.sparkSession
        extra = {k: v for k, v in (("query", self.getQueryCol()), ("features", self.getFeaturesCol())) if v is not None}
        return evaluate(dataset, self.getTask(), label=self.getLabelCol(), prediction=self.getPredictionCol(),
                        weight=self.getWeightCol(), metrics=specs, logits=self.getLogits(),
                        threshold=self.getThreshold(), **extra)

    def _evaluate(self, dataset) -> float:
        self._session = dataset.sparkSession
        spec = self.getMetric()
        value = self._run(dataset, [spec]).values[spec]
        return math.nan if value is None else value

    def evaluateAll(self, dataset) -> Dict[str, Optional[float]]:
        """``metric`` and every spec of ``metrics``, by spec, from one pass (None where undefined)."""
        self._session = dataset.sparkSession
        specs = [self.getMetric()]
        specs += [s for s in self.getMetrics() if s not in specs]
        return self._run(dataset, specs).values

    def isLargerBetter(self) -> bool:
        """Losses are smaller-is-better; metrics follow their meaning (accuracy larger, log_loss smaller)."""
        info = self._metric_info(self.getOrDefault(self.metric) if self.isDefined(self.metric) else None)
        if info["larger_is_better"] is None:
            raise UsageError(info["why"])
        return info["larger_is_better"]

    def _metric_info(self, spec: Optional[str]) -> dict:
        """What the JVM's catalogue says of the spec (sparkeval_metric: works on Classic and over Connect)."""
        key = (self.getTask(), spec)
        if key not in self._info:
            from pyspark.sql import SparkSession
            from pyspark.sql import functions as F

            spark = self._session or SparkSession.getActiveSession()
            if spark is None:
                raise UsageError("no active Spark session to ask about the metric; start one, or evaluate a "
                                 "DataFrame first")
            args = [F.lit(self.getTask())] + ([F.lit(spec)] if spec is not None else [])
            with translated(is_remote(spark)):
                row = spark.range(1).select(F.call_function("sparkeval_metric", *args)).head()
            self._info[key] = json.loads(row[0])
        return self._info[key]

    def copy(self, extra=None) -> "SparkevalEvaluator":
        that = super().copy(extra)
        that._info = {}
        return that
