"""Fixtures: a Classic session with the jar, prediction tables made from the bundled data (data/*.csv)
with pyspark.ml models, and the command line's reports of the same tables (./submit.sh evaluate)."""
import json
import os
import subprocess
from pathlib import Path

import pytest

import sparkeval
from sparkeval._options import evaluate_args

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"

# One evaluation per task, with most options; the same keywords go to sparkeval.evaluate and,
# through the same mapping, to ./submit.sh evaluate.
CASES = {
    "regression": dict(task="regression", label="progression", weight="w",
                       losses=["mse", "huber:delta=50", "quantile:q=0.9"], metrics=["r2", "mape", "mean_error"],
                       slices=["sex"], bootstrap=40, seed=7, gates=["r2>=0.3", "mse<=100"]),
    "binary": dict(task="binary", prediction="probability", losses=["bce", "focal"],
                   metrics=["auc_roc", "auc_pr", "auc_roc:bins=64", "f1", "mcc", "log_loss", "ece:bins=10"],
                   slices=["size", "texture"], threshold=0.35, bootstrap=30, min_slice_rows=60, slice_metric="f1"),
    "logits": dict(task="binary", prediction="rawPrediction", logits=True, losses=["bce:pos_weight=2"],
                   metrics=["accuracy", "auc_roc"]),
    "multiclass": dict(task="multiclass", prediction="probability", losses=["cross_entropy:label_smoothing=0.1", "focal"],
                       metrics=["accuracy", "f1:average=macro", "auc_roc", "top_k_accuracy:k=2", "cohen_kappa"],
                       class_weights=[1, 2.5, 0.5], slices=["alcohol_band"]),
}
TABLES = {"regression": "diabetes", "binary": "breast_cancer", "logits": "breast_cancer", "multiclass": "wine"}


def pytest_collection_modifyitems(items):
    """Spark Connect tests last: they stop the Classic session before they start a server."""
    items.sort(key=lambda item: "test_connect" in item.nodeid)


def cli(*args, check=True):
    """Runs ./submit.sh (the command line) with a small heap; returns the completed process."""
    env = {k: v for k, v in os.environ.items() if k != "SPARK_HOME"}  # Maven's Spark, as the README runs it
    env["SPARKEVAL_JAVA_OPTS"] = "-Xmx1g"
    p = subprocess.run([str(REPO / "submit.sh"), *args], cwd=REPO, env=env, capture_output=True, text=True)
    if check and p.returncode not in (0, 3):
        raise AssertionError(f"./submit.sh {' '.join(args)} exited {p.returncode}: {p.stderr[-2000:]}")
    return p


def cli_message(spark, *argv):
    """The command line's one-line error for argv: its Main.run in this session's JVM (a JVM per case
    would take minutes); asserts exit code 2 and a single line."""
    code, _, err = spark._jvm.dev.sparkeval.cli.Main.runIn(spark._jsparkSession, json.dumps(list(argv)))
    assert int(code) == 2, err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    return err[len("error: "):].strip()


@pytest.fixture(scope="session")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("sparkeval")


@pytest.fixture(scope="session")
def spark():
    from pyspark.sql import SparkSession

    s = (SparkSession.builder.master("local[2]").appName("sparkeval-tests")
         .config("spark.jars", sparkeval.jar_path())
         .config("spark.ui.enabled", "false").config("spark.driver.memory", "1g")
         .config("spark.sql.shuffle.partitions", "4").getOrCreate())
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


@pytest.fixture(scope="session")
def tables(spark, work):
    """Prediction tables (parquet, one file each) of pyspark.ml models fitted on the bundled data."""
    from pyspark.ml.classification import LogisticRegression
    from pyspark.ml.feature import VectorAssembler
    from pyspark.ml.regression import LinearRegression
    from pyspark.sql import functions as F

    def read(name):
        return spark.read.option("header", True).option("inferSchema", True).csv(str(DATA / f"{name}.csv"))

    def assembled(df, label):
        feats = [c for c in df.columns if c != label]
        return VectorAssembler(inputCols=feats, outputCol="features").transform(df)

    out = {}
    d = assembled(read("diabetes"), "progression")
    reg = LinearRegression(labelCol="progression", regParam=0.1).fit(d).transform(d)
    out["diabetes"] = reg.select("progression", "prediction", F.col("sex").cast("string").alias("sex"),
                                 (F.col("age") / 50).alias("w"), "age")
    b = assembled(read("breast_cancer"), "label")
    bin_ = LogisticRegression(maxIter=30, regParam=0.01).fit(b).transform(b)
    out["breast_cancer"] = bin_.select(
        "label", "probability", "rawPrediction", "prediction",
        F.when(F.col("mean_radius") > 15, "large").otherwise("small").alias("size"),
        F.when(F.col("mean_texture") > 21, "rough").when(F.col("mean_texture") > 17, "mid").otherwise("smooth").alias("texture"))
    w = assembled(read("wine"), "label")
    multi = LogisticRegression(maxIter=50, regParam=0.05).fit(w).transform(w)
    out["wine"] = multi.select("label", "probability", "prediction",
                               F.floor(F.col("alcohol")).cast("int").alias("alcohol_band"))
    paths = {}
    for name, df in out.items():
        path = work / f"{name}.parquet"
        df.coalesce(1).write.mode("overwrite").parquet(str(path))
        paths[name] = str(path)
    return paths


def case_args(case: str, tables: dict) -> dict:
    kwargs = dict(CASES[case])
    kwargs["input"] = tables[TABLES[case]]
    return kwargs


@pytest.fixture(scope="session")
def cli_reports(tables, work):
    """report.json (as a dict) and the output folder of ./submit.sh evaluate, per case."""
    reports = {}
    for case in CASES:
        kwargs = case_args(case, tables)
        out = work / f"cli-{case}"
        cli("evaluate", *evaluate_args(**kwargs), "--out", str(out))
        reports[case] = (json.loads((out / "report.json").read_text()), out)
    return reports


def readme_example() -> str:
    """The notebook example of the README's Python section, as written."""
    text = (REPO / "README.md").read_text()
    section = text[text.index("\n## Python\n"):]
    start = section.index("```python\n") + len("```python\n")
    return section[start:section.index("```", start)]


def run_readme_example(code: str, folder: Path) -> dict:
    """Runs the example in ``folder`` (with data/ linked in, so out/ lands there); returns its names."""
    (folder / "data").symlink_to(DATA)
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        names = {}
        exec(compile(code, "README.md", "exec"), names)
        return names
    finally:
        os.chdir(cwd)


def without_seconds(report: dict) -> dict:
    r = dict(report)
    r.pop("seconds")
    return r
