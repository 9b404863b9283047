"""sparkeval.evaluate on a Classic session, both ways in, against the command line's report of the same table."""
import json

import pytest

import sparkeval
from conftest import CASES, case_args, cli, cli_message, without_seconds


@pytest.mark.parametrize("via", ["engine", "sql"])
@pytest.mark.parametrize("case", list(CASES))
def test_report_equals_the_command_lines(spark, tables, cli_reports, case, via):
    kwargs = case_args(case, tables)
    df = spark.read.parquet(kwargs["input"])
    r = sparkeval.evaluate(df, via=via, **kwargs)
    want, _ = cli_reports[case]
    assert r.via == via
    assert without_seconds(r.report) == without_seconds(want)  # every key, every value, bit for bit
    assert list(r.report) == list(want)  # and the same key order
    assert r.values == {**want["losses"], **want["metrics"]}
    assert [s.slice for s in r.slices] == [s["slice"] for s in want.get("slices", [])]
    assert [s.values for s in r.slices] == [{**s["losses"], **s["metrics"]} for s in want.get("slices", [])]
    assert r.report["seconds"] > 0


def test_write_gives_the_command_lines_files(spark, tables, cli_reports, work):
    kwargs = case_args("binary", tables)
    want, cli_out = cli_reports["binary"]
    r = sparkeval.evaluate(spark.read.parquet(kwargs["input"]), **kwargs)
    r.report["seconds"] = want["seconds"]  # the one thing that differs: the run's own time
    out = r.write(work / "py-binary")
    assert sorted(p.name for p in out.iterdir()) == ["metrics.csv", "report.html", "report.json"]
    for name in ("report.json", "metrics.csv", "report.html"):
        assert (out / name).read_text() == (cli_out / name).read_text(), name


def test_partitions_and_row_order_change_no_bit(spark, tables, cli_reports):
    kwargs = case_args("multiclass", tables)
    df = spark.read.parquet(kwargs["input"]).orderBy("probability", ascending=False)
    for via in ("engine", "sql"):
        r = sparkeval.evaluate(df, partitions=5, via=via, **kwargs)
        assert without_seconds(r.report) == without_seconds(cli_reports["multiclass"][0])


def test_undefined_values_are_none_with_the_reason(spark):
    df = spark.createDataFrame([(1.0, 1.5)], ["label", "prediction"])
    r = sparkeval.evaluate(df, "regression", losses=["mse"], metrics=["r2"])
    assert r.values == {"mse": 0.25, "r2": None}
    assert r.value("r2") is None and "r2" in r.undefined and r.undefined["r2"]
    assert r.report["metrics"]["r2"] is None


def test_gates_pass_fail_and_check(spark, tables, cli_reports):
    kwargs = case_args("regression", tables)
    r = sparkeval.evaluate(spark.read.parquet(kwargs["input"]), **kwargs)
    assert r.gates == cli_reports["regression"][0]["gates"]
    assert not r.passed
    with pytest.raises(sparkeval.GateFailure, match=r"^gate failed: mse<=100 \(value "):
        r.check_gates()


def test_skipped_bad_rows_are_counted_as_the_command_line_counts_them(spark, tables, work):
    path = str(work / "with-bad-rows.parquet")
    from pyspark.sql import functions as F
    bad = spark.read.parquet(tables["diabetes"]).withColumn(
        "prediction", F.when(F.col("age") < 30, F.lit(None)).when(F.col("age") > 75, F.lit(float("nan")))
        .otherwise(F.col("prediction")))
    bad.coalesce(1).write.mode("overwrite").parquet(path)
    kwargs = dict(task="regression", label="progression", losses=["mae"], bad_rows="skip", input=path)
    out = work / "cli-skip"
    cli("evaluate", *sparkeval._options.evaluate_args(**kwargs), "--out", str(out))
    want = json.loads((out / "report.json").read_text())
    for via in ("engine", "sql"):
        r = sparkeval.evaluate(spark.read.parquet(path), via=via, **kwargs)
        assert without_seconds(r.report) == without_seconds(want)
        assert set(r.report["rows_skipped"]) == {"nan_prediction", "null_prediction"}
        assert r.report["rows_used"] == r.rows - sum(r.report["rows_skipped"].values())


@pytest.mark.parametrize("via", ["engine", "sql"])
def test_bad_usage_and_bad_rows_raise_the_command_lines_one_line(spark, tables, work, via):
    path = str(work / "null-prediction.parquet")
    from pyspark.sql import functions as F
    spark.read.parquet(tables["diabetes"]).withColumn(
        "prediction", F.when(F.col("age") == 50, F.lit(None)).otherwise(F.col("prediction"))
    ).coalesce(1).write.mode("overwrite").parquet(path)
    cases = [
        dict(task="regression", label="progression", metrics=["r22"], input=path),
        dict(task="regression", label="progresion", input=path),
        dict(task="regression", label="progression", input=path),  # a null prediction: a bad row
        dict(task="binary", label="progression", threshold=1.5, input=path),
        dict(task="regression", label="progression", slices=["nope"], input=path),
        dict(task="regression", label="progression", bootstrap=1, input=path),
        dict(task="regression", label="progression", gates=["r2=0.5"], input=path),
        dict(task="regression", label="progression", losses=["mse"], slice_metric="mae", input=path),
    ]
    for kwargs in cases:
        want = cli_message(spark, "evaluate", *sparkeval._options.evaluate_args(**kwargs), "--out", str(work / "never"))
        with pytest.raises(ValueError) as e:
            sparkeval.evaluate(spark.read.parquet(path), via=via, **kwargs)
        assert isinstance(e.value, sparkeval.UsageError)
        assert str(e.value) == want
        assert "\n" not in str(e.value) and "py4j" not in str(e.value).lower()
        assert e.value.__cause__ is None and (e.value.__context__ is None or e.value.__suppress_context__)


def test_python_side_usage_errors(spark):
    df = spark.createDataFrame([(1.0, 1.5)], ["label", "prediction"])
    with pytest.raises(ValueError, match=r"has no option 'treshold' \(did you mean 'threshold'\?\)"):
        sparkeval.evaluate(df, "regression", treshold=0.3)
    with pytest.raises(ValueError, match=r"^--partitions must be >= 1, got 0$"):
        sparkeval.evaluate(df, "regression", partitions=0)
    with pytest.raises(ValueError, match="via must be"):
        sparkeval.evaluate(df, "regression", via="fast")
    with pytest.raises(ValueError, match="logits must be True or False"):
        sparkeval.evaluate(df, "regression", logits="yes")


def test_notebook_view_escapes_and_shows_every_value(spark):
    df = spark.createDataFrame([(1.0, 1.5), (2.0, 2.5)], ["label", "prediction"])
    r = sparkeval.evaluate(df, "regression", losses=["mse"], metrics=["r2"], input="<b>x</b>")
    view = r._repr_html_()
    assert "<td>mse</td><td>0.25</td>" in view and "<td>r2</td>" in view
    assert "sparkeval regression of &lt;b&gt;x&lt;/b&gt;: 2 of 2 rows" in view
    assert repr(r).startswith("EvaluationResult(task=regression, rows=2, mse=0.25, r2=")
