"""Over Spark Connect: a server started here on loopback with the jar (Spark's own Connect server, from
the pip-installed pyspark), a remote session, and the same values and messages as the command line.
These run last (conftest orders them): the Classic session is stopped first."""
import json
import math
import os

import pytest

import sparkeval
import sparkeval.server
from conftest import CASES, DATA, case_args, cli_message, readme_example, run_readme_example, without_seconds
from sparkeval.ml import SparkevalEvaluator

BAD_METRIC = dict(task="regression", label="progression", metrics=["r22"])
BAD_ROWS = dict(task="regression", label="progression")


@pytest.fixture(scope="module")
def classic_expectations(spark, tables, cli_reports, work):
    """What the Classic session knows, computed before it stops: the CLI's messages and a CrossValidator run."""
    path = str(work / "connect-null-prediction.parquet")
    from pyspark.sql import functions as F
    spark.read.parquet(tables["diabetes"]).withColumn(
        "prediction", F.when(F.col("age") == 50, F.lit(None)).otherwise(F.col("prediction"))
    ).coalesce(1).write.mode("overwrite").parquet(path)
    never = ["--out", str(work / "never")]
    messages = {
        "metric": cli_message(spark, "evaluate", *sparkeval._options.evaluate_args(input=path, **BAD_METRIC), *never),
        "rows": cli_message(spark, "evaluate", *sparkeval._options.evaluate_args(input=path, **BAD_ROWS), *never),
    }
    return {"messages": messages, "bad_path": path, "cv": _cross_validate(spark)}


@pytest.fixture(scope="module")
def server(spark, classic_expectations):
    spark.stop()  # one Spark JVM at a time on shared machines
    s = sparkeval.server.start(port=0, master="local[2]", conf={"spark.driver.memory": "1g"})
    try:
        yield s
    finally:
        s.stop()
        os.environ.pop("SPARK_CONNECT_MODE_ENABLED", None)
    assert s.process.poll() is not None, "the server is still running"
    with pytest.raises(ProcessLookupError):
        os.kill(s.pid, 0)


@pytest.fixture(scope="module")
def remote(server):
    from pyspark.sql import SparkSession

    session = SparkSession.builder.remote(server.url).getOrCreate()
    yield session
    session.stop()


def _cross_validate(spark):
    from pyspark.ml.feature import VectorAssembler
    from pyspark.ml.regression import LinearRegression
    from pyspark.ml.tuning import CrossValidator, ParamGridBuilder

    df = spark.read.option("header", True).option("inferSchema", True).csv(str(DATA / "diabetes.csv"))
    data = VectorAssembler(inputCols=[c for c in df.columns if c != "progression"], outputCol="features") \
        .transform(df).select("features", df["progression"].alias("label"))
    lr = LinearRegression()
    grid = ParamGridBuilder().addGrid(lr.regParam, [0.0, 1.0, 10.0]).build()
    cv = CrossValidator(estimator=lr, estimatorParamMaps=grid, evaluator=SparkevalEvaluator(metric="mae"),
                        numFolds=3, seed=11, parallelism=1).fit(data)
    return cv.avgMetrics


@pytest.mark.parametrize("case", list(CASES))
def test_evaluate_over_connect_equals_the_command_line(remote, tables, cli_reports, case):
    kwargs = case_args(case, tables)
    r = sparkeval.evaluate(remote.read.parquet(kwargs["input"]), **kwargs)
    assert r.via == "sql"
    assert without_seconds(r.report) == without_seconds(cli_reports[case][0])


def test_write_over_connect(remote, tables, cli_reports, work):
    kwargs = case_args("binary", tables)
    want, cli_out = cli_reports["binary"]
    r = sparkeval.evaluate(remote.read.parquet(kwargs["input"]), **kwargs)
    r.report["seconds"] = want["seconds"]
    out = r.write(work / "connect-binary")
    for name in ("report.json", "metrics.csv", "report.html"):
        assert (out / name).read_text() == (cli_out / name).read_text(), name


def test_sql_functions_over_connect(remote, tables, cli_reports):
    remote.read.parquet(tables["diabetes"]).createOrReplaceTempView("diabetes_preds")
    row = remote.sql("SELECT mse(progression, prediction, w) AS mse, r2(progression, prediction, w) AS r2 "
                     "FROM diabetes_preds").head()
    want = cli_reports["regression"][0]
    assert (row["mse"], row["r2"]) == (want["losses"]["mse"], want["metrics"]["r2"])
    info = json.loads(remote.sql("SELECT sparkeval_metric('multiclass')").head()[0])
    assert info["spec"] == "cross_entropy" and info["larger_is_better"] is False


def test_errors_over_connect_are_the_command_lines_one_line(remote, classic_expectations):
    df = remote.read.parquet(classic_expectations["bad_path"])
    for kwargs, key in ((BAD_METRIC, "metric"), (BAD_ROWS, "rows")):
        with pytest.raises(ValueError) as e:
            sparkeval.evaluate(df, **kwargs)
        assert str(e.value) == classic_expectations["messages"][key]
        assert e.value.__cause__ is None and (e.value.__context__ is None or e.value.__suppress_context__)
    with pytest.raises(ValueError, match="via='engine' needs a Classic session"):
        sparkeval.evaluate(df, "regression", via="engine")
    with pytest.raises(ValueError, match="sparkeval.train needs a Classic session"):
        sparkeval.train(df, label="progression")


def test_evaluator_and_cross_validator_over_connect(remote, tables, cli_reports, classic_expectations):
    preds = remote.read.parquet(tables["breast_cancer"])
    ev = SparkevalEvaluator(task="binary", metric="auc_roc", metrics=["brier"])
    assert ev.evaluate(preds) == cli_reports["binary"][0]["metrics"]["auc_roc"]
    assert ev.isLargerBetter() and not SparkevalEvaluator(task="binary", metric="brier").isLargerBetter()
    assert set(ev.evaluateAll(preds)) == {"auc_roc", "brier"}
    assert _cross_validate(remote) == pytest.approx(classic_expectations["cv"], rel=1e-9)


def test_the_jvm_evaluator_is_registered_for_spark_ml_on_connect(remote, tables, cli_reports):
    """The jar's META-INF/services/org.apache.spark.ml.evaluation.Evaluator lets Connect's ML handler
    instantiate dev.sparkeval.spark.ml.SparkevalEvaluator by name (JavaEvaluator's remote protocol)."""
    from pyspark.ml.evaluation import JavaEvaluator
    from pyspark.ml.param import Param, Params, TypeConverters

    class JvmEvaluator(JavaEvaluator):
        task = Param(Params._dummy(), "task", "", typeConverter=TypeConverters.toString)
        metric = Param(Params._dummy(), "metric", "", typeConverter=TypeConverters.toString)

        def __init__(self):
            super().__init__()
            self._java_obj = self._new_java_obj("dev.sparkeval.spark.ml.SparkevalEvaluator", self.uid)

    ev = JvmEvaluator()._set(task="binary", metric="auc_roc")
    got = ev.evaluate(remote.read.parquet(tables["breast_cancer"]))
    assert got == cli_reports["binary"][0]["metrics"]["auc_roc"] and math.isfinite(got)


def test_the_readme_example_runs_over_connect(server, remote, tmp_path):
    """As written, with its Connect line in place of the Classic one (and this server's port)."""
    code = readme_example()
    lines = code.splitlines()
    classic = next(i for i, ln in enumerate(lines) if ln.startswith("spark = SparkSession.builder.config("))
    connect = next(ln for ln in lines if ln.startswith("# or over Spark Connect: "))
    lines[classic] = connect[len("# or over Spark Connect: "):].replace("localhost:15002", f"{server.host}:{server.port}")
    names = run_readme_example("\n".join(lines), tmp_path)
    assert names["result"].via == "sql" and names["result"].passed
    assert (tmp_path / "out" / "python-eval" / "report.html").is_file()
    assert len(names["cv"].avgMetrics) == 3
