"""sparkeval.train on a Classic session: the train command's run, files and messages, from DataFrames."""
import json

import pytest

import sparkeval
from conftest import DATA, cli, cli_message

OPTIONS = dict(model="logistic", loss="bce", optimizer="adam", learning_rate=0.05, epochs=4, batch_size=64,
               metrics=["accuracy", "auc_roc"], seed=9, partitions=2, early_stopping="patience=2")


def test_train_equals_the_command_line(spark, work):
    df = spark.read.option("header", True).option("inferSchema", True).csv(str(DATA / "breast_cancer.csv"))
    r = sparkeval.train(df, out=work / "py-train", verbose=False, **OPTIONS)
    out = work / "cli-train"
    cli("train", "--train", str(DATA / "breast_cancer.csv"), *sparkeval._train._args(OPTIONS), "--out", str(out))
    want = json.loads((out / "report.json").read_text())
    assert r.model == json.loads((out / "model.json").read_text())  # the same weights, bit for bit
    strip = lambda rows: [{k: v for k, v in e.items() if k != "seconds"} for e in rows]  # noqa: E731
    assert strip(r.history) == strip(json.loads((out / "history.json").read_text()))
    assert r.values == {**want["losses"], **want["metrics"]}
    assert r.report["training"]["best_epoch"] == want["training"]["best_epoch"]
    assert "Epoch 1/4" in r.log
    copied = r.write(work / "py-train-copy")
    assert sorted(p.name for p in copied.iterdir()) == sorted(sparkeval._train.FILES)


def test_train_with_a_validation_frame_and_bad_options(spark, work):
    df = spark.read.option("header", True).option("inferSchema", True).csv(str(DATA / "diabetes.csv"))
    train, val = df.randomSplit([0.8, 0.2], seed=1)
    r = sparkeval.train(train, val, label="progression", model="linear", epochs=2, verbose=False)
    assert r.report["training"]["rows_validation"] == val.count()
    assert [e["epoch"] for e in r.history] == [1, 2]
    want = cli_message(spark, "train", "--train", str(DATA / "diabetes.csv"), "--label", "progression",
                       "--optimizer", "adamm", "--out", str(work / "never"))
    with pytest.raises(ValueError) as e:
        sparkeval.train(df, label="progression", optimizer="adamm", verbose=False)
    assert str(e.value) == want
    with pytest.raises(ValueError, match=r"has no option 'epoch' \(did you mean 'epochs'\?\)"):
        sparkeval.train(df, epoch=3)
