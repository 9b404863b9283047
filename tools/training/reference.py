"""Validation loss of sparkeval's trained models against scikit-learn's L-BFGS fits on the same split.

For each bundled data set: a seeded split (sklearn train_test_split, 20% validation, stratified
for classification), scikit-learn's model fitted on standardized features (LinearRegression, the
exact least-squares optimum that L-BFGS converges to; LogisticRegression(solver='lbfgs'),
binary and multinomial, with its default C=1), then `./submit.sh train` on the same two files.
Writes docs/training-reference.json and prints the markdown table for docs/TRAINING.md.
Run from the project root: /usr/bin/python3 tools/training/reference.py
"""
import json
import os
import subprocess
import sys

import numpy as np
import pandas as pd
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.metrics import accuracy_score, log_loss, mean_squared_error
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
WORK = os.path.join(ROOT, "out", "training-reference")

# name, file, label, sklearn model, sparkeval train options, loss key
RUNS = [
    ("diabetes", "diabetes.csv", "progression", lambda: LinearRegression(),
     ["--model", "linear", "--loss", "mse", "--optimizer", "sgd", "--learning-rate", "0.01",
      "--batch-size", "16", "--epochs", "100"], "mse"),
    ("breast_cancer", "breast_cancer.csv", "label", lambda: LogisticRegression(solver="lbfgs", max_iter=10000),
     ["--model", "logistic", "--loss", "bce", "--optimizer", "adam", "--learning-rate", "0.01",
      "--batch-size", "32", "--epochs", "60", "--l2", "0.0022", "--metric", "accuracy"], "bce"),
    ("digits", "digits.csv", "label", lambda: LogisticRegression(solver="lbfgs", max_iter=10000),
     ["--model", "softmax", "--loss", "cross_entropy", "--optimizer", "adam", "--learning-rate", "0.01",
      "--batch-size", "64", "--epochs", "60", "--l2", "0.0007", "--metric", "accuracy"], "cross_entropy"),
]


def main():
    os.makedirs(WORK, exist_ok=True)
    rows = []
    for name, file, label, make, options, key in RUNS:
        df = pd.read_csv(os.path.join(ROOT, "data", file))
        cls = key != "mse"
        train, val = train_test_split(df, test_size=0.2, random_state=0, stratify=df[label] if cls else None)
        tp, vp = os.path.join(WORK, name + "_train.csv"), os.path.join(WORK, name + "_val.csv")
        train.to_csv(tp, index=False)
        val.to_csv(vp, index=False)
        X, y = train.drop(columns=[label]).values, train[label].values
        Xv, yv = val.drop(columns=[label]).values, val[label].values
        model = make_pipeline(StandardScaler(), make()).fit(X, y)
        if cls:
            proba = model.predict_proba(Xv)
            ref = log_loss(yv, proba, labels=model.classes_)
            ref_acc = accuracy_score(yv, model.predict(Xv))
        else:
            ref = mean_squared_error(yv, model.predict(Xv))
            ref_acc = None
        out = os.path.join(WORK, name)
        cmd = [os.path.join(ROOT, "submit.sh"), "train", "--train", tp, "--validation", vp, "--label", label,
               "--seed", "1", "--out", out] + options
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(out, "report.json")) as f:
            rep = json.load(f)
        ours = rep["losses"][key]
        rows.append({"data": name, "rows_train": len(train), "rows_validation": len(val), "loss": key,
                     "sklearn": ref, "sparkeval": ours, "ratio": ours / ref,
                     "sklearn_accuracy": ref_acc, "sparkeval_accuracy": rep["metrics"].get("accuracy"),
                     "epochs_run": rep["training"]["epochs_run"], "options": " ".join(options)})
    with open(os.path.join(ROOT, "docs", "training-reference.json"), "w") as f:
        json.dump(rows, f, indent=1)
    print("| data | model | validation loss | scikit-learn | sparkeval | ratio | accuracy sklearn / sparkeval |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        acc = "" if r["sklearn_accuracy"] is None else "%.4f / %.4f" % (r["sklearn_accuracy"], r["sparkeval_accuracy"])
        print("| %s | %s | %s | %.6g | %.6g | %.3f | %s |" % (r["data"], r["options"].split()[1], r["loss"], r["sklearn"],
                                                           r["sparkeval"], r["ratio"], acc))


if __name__ == "__main__":
    sys.exit(main())
