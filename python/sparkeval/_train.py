"""sparkeval.train: the train command on DataFrames (Classic sessions: training runs many Spark jobs
from the driver, which only py4j reaches)."""
import json
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import Dict, List, Optional

from ._errors import UsageError, translated
from ._evaluate import _values, is_remote
from ._options import text, unknown, words

# keyword -> option of `./submit.sh train` (see `train --help`)
TRAIN_OPTIONS = {
    "features": "--features", "label": "--label", "model": "--model", "task": "--task", "loss": "--loss",
    "metrics": "--metric", "class_weights": "--class-weights", "optimizer": "--optimizer",
    "learning_rate": "--learning-rate", "batch_size": "--batch-size", "epochs": "--epochs", "l2": "--l2",
    "early_stopping": "--early-stopping", "checkpoint": "--checkpoint", "seed": "--seed",
    "partitions": "--partitions", "iteration_mode": "--iteration-mode",
    "validation_fraction": "--validation-fraction",
}
# keyword -> (option, the keyword's value that adds the option)
TRAIN_FLAGS = {"resume": ("--resume", True), "full_train_loss": ("--full-train-loss", True),
               "restore_best": ("--no-restore-best", False), "standardize": ("--no-standardize", False)}
FILES = ("report.json", "report.html", "metrics.csv", "history.json", "history.csv", "model.json")


def train(df, validation=None, *, out=None, verbose=True, **options) -> "TrainingResult":
    """Trains a model on ``df`` with the train command (``./submit.sh train``): the same loop, options
    and files. Keywords are its options: ``model="logistic"``, ``loss="bce"``, ``optimizer="adam"``,
    ``learning_rate``, ``batch_size``, ``epochs``, ``l2``, ``early_stopping="patience=5"``,
    ``metrics=["accuracy"]``, ``features=[...]``, ``label``, ``seed``, ``validation_fraction``,
    ``checkpoint``/``resume``, ``restore_best``, ``standardize``, ...

    ``validation`` is a DataFrame (default: a seeded fraction of ``df``). The files go to ``out``
    (default: a temporary folder); ``verbose`` prints the epoch lines when training ends.
    Classic sessions only (it drives many Spark jobs from the driver through py4j).
    """
    if is_remote(df):
        raise UsageError("sparkeval.train needs a Classic session: the training loop runs Spark jobs from the "
                         "driver through py4j, which Spark Connect does not offer (evaluate works over Connect)")
    args = ["train"]
    views = []
    spark = df.sparkSession
    for option, frame in (("--train-table", df), ("--validation-table", validation)):
        if frame is not None:
            view = "sparkeval_" + uuid.uuid4().hex
            frame.createOrReplaceTempView(view)
            views.append(view)
            args += [option, view]
    args += _args(options)
    folder = Path(out) if out is not None else Path(tempfile.mkdtemp(prefix="sparkeval-train-"))
    args += ["--out", str(folder)]
    try:
        with translated(False):
            code, stdout, stderr = spark._jvm.dev.sparkeval.cli.Main.runIn(spark._jsparkSession, json.dumps(args))
    finally:
        for view in views:
            spark.catalog.dropTempView(view)
    if int(code) == 2:
        raise UsageError(stderr.strip().removeprefix("error: "))
    if int(code) != 0:
        raise RuntimeError(stderr.strip())
    if verbose:
        print(stdout, end="")
    return TrainingResult(folder, stdout)


def _args(options) -> list:
    args = []
    for name, value in options.items():
        if value is None:
            continue
        if name in TRAIN_FLAGS:
            option, when = TRAIN_FLAGS[name]
            if not isinstance(value, bool):
                raise UsageError(f"{name} must be True or False, got {value!r}")
            if value == when:
                args.append(option)
        elif name == "metrics":
            for spec in words(value, name):
                args += ["--metric", spec]
        elif name in ("features", "class_weights") and not isinstance(value, str):
            args += [TRAIN_OPTIONS[name], ",".join(text(v) for v in value)]
        elif name in TRAIN_OPTIONS:
            args += [TRAIN_OPTIONS[name], text(value)]
        else:
            raise unknown(name, list(TRAIN_OPTIONS) + list(TRAIN_FLAGS) + ["out", "verbose"], "sparkeval.train")
    return args


class TrainingResult:
    """A finished training run: ``report`` (report.json with its ``training`` block), ``history`` (one dict
    per epoch), ``model`` (model.json, for ``./submit.sh predict --model``), ``values`` (the final
    validation losses and metrics), the files in ``out``, and ``write(path)`` to copy them."""

    def __init__(self, out: Path, log: str = ""):
        self.out = out
        self.log = log
        self.report: dict = json.loads((out / "report.json").read_text())
        self.history: List[dict] = json.loads((out / "history.json").read_text())
        self.model: dict = json.loads((out / "model.json").read_text())
        self.values: Dict[str, Optional[float]] = _values(self.report)

    @property
    def model_path(self) -> Path:
        return self.out / "model.json"

    def write(self, path) -> Path:
        """Copies report.json, report.html, metrics.csv, history.json, history.csv and model.json to ``path``."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        if folder.resolve() != self.out.resolve():
            for name in FILES:
                shutil.copy2(self.out / name, folder / name)
        return folder

    def __repr__(self) -> str:
        t = self.report.get("training", {})
        return (f"TrainingResult(best_epoch={t.get('best_epoch')}, stopped_epoch={t.get('stopped_epoch')}, "
                f"values={self.values}, out={self.out})")
