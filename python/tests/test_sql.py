"""The SQL functions from Python with no registration code: spark.jars alone (the jar's service file)."""
import json
import re
import subprocess
import sys
import textwrap

import pytest

import sparkeval
from conftest import case_args, cli_message



def test_catalogue_functions_match_the_command_line(spark, tables, cli_reports):
    spark.read.parquet(tables["diabetes"]).createOrReplaceTempView("diabetes_preds")
    row = spark.sql("""SELECT mse(progression, prediction, w) AS mse, r2(progression, prediction, w) AS r2,
                              huber(progression, prediction, w, 50) AS huber
                       FROM diabetes_preds""").head()
    want = cli_reports["regression"][0]
    assert row["mse"] == want["losses"]["mse"]
    assert row["r2"] == want["metrics"]["r2"]
    assert row["huber"] == want["losses"]["huber:delta=50"]
    by_sex = {r["sex"]: r["mse"] for r in spark.sql(
        "SELECT sex, mse(progression, prediction, w) AS mse FROM diabetes_preds GROUP BY sex").collect()}
    assert by_sex == {s["slice"]["sex"]: s["losses"]["mse"] for s in want["slices"]}


def test_sparkeval_evaluate_in_sql_text(spark, tables, cli_reports):
    spark.read.parquet(tables["breast_cancer"]).createOrReplaceTempView("bc_preds")
    kwargs = case_args("binary", tables)
    args = sparkeval._options.evaluate_args(**kwargs)
    text = " ".join(f"'{a}'" if " " in a else a for a in args)  # command-line words, as a SQL user writes them
    got = json.loads(spark.sql(f"SELECT sparkeval_evaluate(struct(*), '{text}') FROM bc_preds").head()[0])
    want = cli_reports["binary"][0]
    assert got["seconds"] is None
    got["seconds"] = want["seconds"]
    assert got == want


def test_sparkeval_evaluate_reads_only_the_bound_columns(spark, tables):
    df = spark.read.parquet(tables["breast_cancer"])
    plan = df.selectExpr("sparkeval_evaluate(struct(*), '--task binary --metric accuracy')")._jdf \
        .queryExecution().executedPlan().toString()
    scan = [line for line in plan.splitlines() if "FileScan parquet" in line][0]
    assert re.search(r"FileScan parquet \[label#\d+,probability#\d+\]", scan), scan
    assert "ReadSchema: struct<label:int,probability:struct<type:tinyint,size:int,indices:array<int>,values:array<double>>>" in scan


def test_sparkeval_evaluate_returns_the_error_of_a_run_that_cannot_be_reported(spark):
    df = spark.createDataFrame([(2.0, 2.0), (1.0, None)], "label double, prediction double").coalesce(1)
    got = json.loads(df.selectExpr("sparkeval_evaluate(struct(*), '--task regression')").head()[0])
    assert got == {"error": "bad row at partition 0, row 1: prediction is null (1 bad row in all: {null_prediction=1});"
                            " fix the input, or pass --bad-rows skip to exclude and count them"}


def test_sparkeval_report_and_metric(spark, cli_reports):
    want, out = cli_reports["multiclass"]
    args = {"j": json.dumps(want)}
    csv = spark.sql("SELECT sparkeval_report(:j, 'metrics.csv')", args=args).head()[0]
    assert csv == (out / "metrics.csv").read_text()
    again = spark.sql("SELECT sparkeval_report(:j, 'report.json')", args=args).head()[0]
    assert again == (out / "report.json").read_text()
    info = json.loads(spark.sql("SELECT sparkeval_metric('binary')").head()[0])
    assert info == {"task": "binary", "spec": "bce", "larger_is_better": False, "why": None}
    info = json.loads(spark.sql("SELECT sparkeval_metric('regression', 'mean_error')").head()[0])
    assert info["larger_is_better"] is None and "no better direction" in info["why"]


def test_bad_calls_fail_analysis_with_one_line(spark, work):
    from pyspark.errors import AnalysisException

    with pytest.raises(AnalysisException) as e:
        spark.sql("SELECT sparkeval_evaluate(struct(1 AS label, 2 AS prediction), '--task regresion')").collect()
    assert e.value.getCondition() == "USER_RAISED_EXCEPTION"
    want = cli_message(spark, "evaluate", "--task", "regresion", "--input", "x.parquet", "--out", str(work / "never"))
    assert e.value.getMessageParameters()["errorMessage"] == want
    with pytest.raises(AnalysisException, match="sparkeval_report: the file is 'report.pdf'"):
        spark.sql("SELECT sparkeval_report('{}', 'report.pdf')").collect()


def test_extensions_conf_and_service_file_register_once(tmp_path):
    """spark.sql.extensions and the service file together: the functions work and nothing is registered twice."""
    script = tmp_path / "both.py"
    script.write_text(textwrap.dedent(f"""
        import sparkeval
        from pyspark.sql import SparkSession
        spark = (SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false")
                 .config("spark.jars", sparkeval.jar_path())
                 .config("spark.sql.extensions", "dev.sparkeval.spark.SparkevalExtensions").getOrCreate())
        spark.sparkContext.setLogLevel("WARN")
        print("mse", spark.sql("SELECT mse(label, prediction) FROM VALUES (1.0, 3.0) AS t(label, prediction)").head()[0])
        spark.stop()
    """))
    p = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr[-3000:]
    assert "mse 4.0" in p.stdout
    assert "replaced a previously registered function" not in p.stderr
