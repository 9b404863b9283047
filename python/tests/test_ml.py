"""sparkeval.ml.SparkevalEvaluator in pyspark.ml: evaluate, evaluateAll, CrossValidator, TrainValidationSplit, persistence."""
import math

import pytest

import sparkeval
from conftest import DATA
from sparkeval.ml import SparkevalEvaluator


@pytest.fixture(scope="module")
def diabetes(spark):
    from pyspark.ml.feature import VectorAssembler

    df = spark.read.option("header", True).option("inferSchema", True).csv(str(DATA / "diabetes.csv"))
    feats = [c for c in df.columns if c != "progression"]
    return VectorAssembler(inputCols=feats, outputCol="features").transform(df).select(
        "features", df["progression"].alias("label")).cache()


def test_evaluate_and_evaluate_all(spark, tables, cli_reports):
    preds = spark.read.parquet(tables["breast_cancer"])
    ev = SparkevalEvaluator(task="binary", metric="auc_roc", metrics=["f1", "log_loss"])
    want = cli_reports["binary"][0]["metrics"]["auc_roc"]  # the threshold there changes no AUC
    assert ev.evaluate(preds) == want
    assert ev.isLargerBetter()
    assert ev.evaluateAll(preds) == sparkeval.evaluate(preds, "binary", metrics=["auc_roc", "f1", "log_loss"]).values
    assert ev.evaluate(preds, {ev.metric: "log_loss"}) == ev.evaluateAll(preds)["log_loss"]


def test_defaults_and_directions_come_from_the_catalogue(spark):
    assert SparkevalEvaluator().getMetric() == "mse"
    assert SparkevalEvaluator(task="binary").getMetric() == "bce"
    assert SparkevalEvaluator(task="multiclass").getMetric() == "cross_entropy"
    assert not SparkevalEvaluator().isLargerBetter()
    assert SparkevalEvaluator(metric="r2").isLargerBetter()
    assert not SparkevalEvaluator(task="binary", metric="log_loss").isLargerBetter()
    with pytest.raises(ValueError, match=r"^'mean_error' has no better direction"):
        SparkevalEvaluator(metric="mean_error").isLargerBetter()
    with pytest.raises(ValueError, match="task must be one of"):
        SparkevalEvaluator(task="regresion")


def test_undefined_is_nan_for_evaluate_and_none_for_evaluate_all(spark):
    one = spark.createDataFrame([(1.0, 2.0)], ["label", "prediction"])
    ev = SparkevalEvaluator(metric="r2", metrics=["mae"])
    assert math.isnan(ev.evaluate(one))
    assert ev.evaluateAll(one) == {"r2": None, "mae": 1.0}


def test_bad_usage_raises_value_error(spark):
    one = spark.createDataFrame([(1.0, 2.0)], ["label", "prediction"])
    with pytest.raises(ValueError, match="unknown loss or metric 'msee'"):
        SparkevalEvaluator(metric="msee").evaluate(one)
    with pytest.raises(ValueError, match="--label column 'y' is not in the table"):
        SparkevalEvaluator(labelCol="y").evaluate(one)


def _grid(lr):
    from pyspark.ml.tuning import ParamGridBuilder

    return ParamGridBuilder().addGrid(lr.regParam, [0.0, 1.0, 10.0]).addGrid(lr.elasticNetParam, [0.0, 1.0]).build()


def test_cross_validator_picks_what_mllib_picks(spark, diabetes):
    from pyspark.ml.evaluation import RegressionEvaluator
    from pyspark.ml.regression import LinearRegression
    from pyspark.ml.tuning import CrossValidator

    lr = LinearRegression()
    ours = CrossValidator(estimator=lr, estimatorParamMaps=_grid(lr), evaluator=SparkevalEvaluator(metric="mse"),
                          numFolds=3, seed=11, parallelism=1).fit(diabetes)
    mllib = CrossValidator(estimator=lr, estimatorParamMaps=_grid(lr), evaluator=RegressionEvaluator(metricName="mse"),
                           numFolds=3, seed=11, parallelism=1).fit(diabetes)
    assert ours.avgMetrics == pytest.approx(mllib.avgMetrics, rel=1e-12)  # MLlib sums in plain doubles
    assert ours.avgMetrics.index(min(ours.avgMetrics)) == mllib.avgMetrics.index(min(mllib.avgMetrics))
    r2 = CrossValidator(estimator=lr, estimatorParamMaps=_grid(lr), evaluator=SparkevalEvaluator(metric="r2"),
                        numFolds=3, seed=11, parallelism=1).fit(diabetes)
    assert r2.avgMetrics.index(max(r2.avgMetrics)) == ours.avgMetrics.index(min(ours.avgMetrics))


def test_train_validation_split_and_persistence(spark, diabetes, tmp_path):
    from pyspark.ml import Pipeline
    from pyspark.ml.feature import StandardScaler
    from pyspark.ml.regression import LinearRegression
    from pyspark.ml.tuning import CrossValidator, CrossValidatorModel, TrainValidationSplit, TrainValidationSplitModel

    lr = LinearRegression(featuresCol="scaled")
    pipeline = Pipeline(stages=[StandardScaler(inputCol="features", outputCol="scaled"), lr])
    ev = SparkevalEvaluator(metric="huber:delta=50", metrics=["mae"])
    tvs = TrainValidationSplit(estimator=pipeline, estimatorParamMaps=_grid(lr), evaluator=ev, trainRatio=0.75,
                               seed=5).fit(diabetes)
    assert len(tvs.validationMetrics) == 6 and all(math.isfinite(m) for m in tvs.validationMetrics)
    tvs.write().save(str(tmp_path / "tvs"))
    loaded = TrainValidationSplitModel.load(str(tmp_path / "tvs"))
    assert isinstance(loaded.getEvaluator(), SparkevalEvaluator)
    assert loaded.getEvaluator().getMetric() == "huber:delta=50" and loaded.getEvaluator().getMetrics() == ["mae"]
    assert loaded.validationMetrics == tvs.validationMetrics
    cv = CrossValidator(estimator=pipeline, estimatorParamMaps=_grid(lr), evaluator=ev, numFolds=2, seed=3)
    cv.write().save(str(tmp_path / "cv"))
    again = CrossValidator.load(str(tmp_path / "cv"))
    assert again.getEvaluator().extractParamMap()[again.getEvaluator().metric] == "huber:delta=50"
    model = cv.fit(diabetes)
    model.write().save(str(tmp_path / "cvm"))
    back = CrossValidatorModel.load(str(tmp_path / "cvm"))
    assert back.avgMetrics == model.avgMetrics
    assert back.getEvaluator().evaluate(back.transform(diabetes)) == ev.evaluate(model.transform(diabetes))
    ev.save(str(tmp_path / "ev"))
    assert SparkevalEvaluator.load(str(tmp_path / "ev")).getMetrics() == ["mae"]


def test_ranking_both_layouts_and_clustering(spark, diabetes):
    from pyspark.ml.clustering import KMeans
    from pyspark.ml.evaluation import ClusteringEvaluator, RankingEvaluator
    from pyspark.sql import functions as F

    rows = [(q, float((q * 7 + i * 13) % 17) + i / 100, 1.0 if (q + i) % 3 == 0 else 0.0)
            for q in range(40) for i in range(6)]
    long = spark.createDataFrame(rows, ["query", "score", "grade"])
    ev = SparkevalEvaluator(task="ranking", queryCol="query", labelCol="grade", predictionCol="score", metric="map",
                            metrics=["ndcg:k=3"])
    want = sparkeval.evaluate(long, "ranking", label="grade", prediction="score", query="query",
                              metrics=["map", "ndcg:k=3"]).values
    assert ev.evaluate(long) == want["map"]
    assert ev.evaluateAll(long) == want
    assert ev.isLargerBetter() and ev.getQueryCol() == "query"

    # MLlib's layout: ranked item ids and relevant ids per query, against RankingEvaluator itself
    items = long.withColumn("item", (F.col("query") * 100 + F.col("score") * 100).cast("double"))
    arrays = items.groupBy("query").agg(
        F.transform(F.sort_array(F.collect_list(F.struct((-F.col("score")).alias("neg"), "item"))), lambda s: s["item"])
        .alias("prediction"),
        F.collect_list(F.when(F.col("grade") > 0, F.col("item"))).alias("label"))
    ours = SparkevalEvaluator(task="ranking", predictionCol="prediction", metric="map").evaluate(arrays)
    theirs = RankingEvaluator(metricName="meanAveragePrecision").evaluate(arrays)
    assert ours == pytest.approx(theirs, rel=1e-12)
    assert want["map"] == pytest.approx(theirs, rel=1e-12)  # the long layout too (binary grades, no ties)

    clustered = KMeans(k=3, seed=5).fit(diabetes).transform(diabetes)
    ev = SparkevalEvaluator(task="clustering", featuresCol="features", predictionCol="prediction", metric="silhouette")
    assert ev.evaluate(clustered) == pytest.approx(ClusteringEvaluator().evaluate(clustered), rel=1e-9)
    assert ev.isLargerBetter()
