"""sparkeval.evaluate: the evaluate command on a DataFrame, on Classic sessions and over Spark Connect."""
import html
import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from ._errors import GateFailure, UsageError, translated
from ._options import evaluate_args, text

FILES = ("report.json", "report.html", "metrics.csv")


def is_remote(obj) -> bool:
    """True for Spark Connect DataFrames and sessions (no py4j there)."""
    return type(obj).__module__.startswith("pyspark.sql.connect")


def evaluate(df, task, label=None, prediction=None, weight=None, losses=(), metrics=(), slices=(),
             *, partitions=None, via="auto", **options) -> "EvaluationResult":
    """Every loss and metric of a prediction DataFrame in one pass, overall and per slice.

    The arguments are the evaluate command's options as keywords (``threshold=0.3``, ``logits=True``,
    ``class_weights=[1, 2.5]``, ``bootstrap=200``, ``seed=7``, ``bad_rows="skip"``,
    ``gates=["auc_roc>=0.8"]``, ``max_slices``, ``max_classes``, ``min_slice_rows``, ``slice_metric``,
    ``target``/``anchor``/``positive``/``negative``, ``query`` (ranking's long layout), ``features``
    (clustering), ``input`` (the report's input label)); the values
    are the command line's bit for bit. ``partitions=N`` repartitions first (values do not change).

    ``via``: ``"engine"`` runs the command line's engine through py4j (Classic sessions; exact AUC by
    its sort job); ``"sql"`` runs one ``sparkeval_evaluate`` aggregate (any session, Spark Connect
    too; exact AUC keeps the distinct scores in the aggregate); ``"auto"`` picks engine on Classic,
    sql over Connect. Bad usage or bad rows raise :class:`UsageError` (a ``ValueError``).
    """
    remote = is_remote(df)
    if via not in ("auto", "engine", "sql"):
        raise UsageError(f"via must be 'auto', 'engine' or 'sql', got {via!r}")
    if via == "engine" and remote:
        raise UsageError("via='engine' needs a Classic session (py4j); over Spark Connect use via='sql' or 'auto'")
    args = evaluate_args(task, label, prediction, weight, losses, metrics, slices, **options)
    if partitions is not None:
        if isinstance(partitions, bool) or not isinstance(partitions, int) or partitions < 1:
            raise UsageError(f"--partitions must be >= 1, got {partitions}")
        df = df.repartition(partitions)
    used = "sql" if remote or via == "sql" else "engine"
    start = time.perf_counter()
    with translated(remote):
        report_text = _run_engine(df, args) if used == "engine" else _run_sql(df, args)
    report = json.loads(report_text)
    if "error" in report:
        raise UsageError(report["error"])
    report["seconds"] = time.perf_counter() - start
    return EvaluationResult(report, df.sparkSession, options.get("slice_metric"), used)


def _run_engine(df, args) -> str:
    jvm = df.sparkSession._jvm
    return jvm.dev.sparkeval.request.EvaluationRequest.evaluate(df._jdf, json.dumps(args))


def _run_sql(df, args) -> str:
    from pyspark.sql import functions as F

    call = F.call_function("sparkeval_evaluate", F.struct(F.col("*")), F.lit(json.dumps(args)))
    return df.select(call).head()[0]


def _values(block: dict) -> Dict[str, Optional[float]]:
    out = dict(block.get("losses") or {})
    out.update(block.get("metrics") or {})
    return out


@dataclass(frozen=True)
class SliceResult:
    """One slice: its column values (as strings, None for null), rows, values by spec, intervals."""
    slice: Dict[str, Optional[str]]
    rows: int
    values: Dict[str, Optional[float]]
    intervals: Dict[str, list] = field(default_factory=dict)
    report: dict = field(default_factory=dict, repr=False)


class EvaluationResult:
    """The finished evaluation: ``values`` (spec as written -> float, None when undefined; ``undefined``
    says why), ``slices``, ``report`` (report.json as a dict) and ``write(path)``."""

    def __init__(self, report: dict, spark, slice_metric=None, via="sql"):
        self.report = report
        self.via = via
        self._spark = spark
        self._slice_metric = slice_metric
        self.values: Dict[str, Optional[float]] = _values(report)
        self.undefined: Dict[str, str] = dict(report.get("undefined") or {})
        self.intervals: Dict[str, list] = dict(report.get("intervals") or {})
        self.gates: List[dict] = list(report.get("gates") or [])
        self.slices: List[SliceResult] = [
            SliceResult(dict(s["slice"]), s["rows"], _values(s), dict(s.get("intervals") or {}), s)
            for s in report.get("slices") or []]

    @property
    def task(self) -> str:
        return self.report["task"]

    @property
    def rows(self) -> int:
        return self.report["rows"]

    @property
    def passed(self) -> bool:
        """True when every gate passed (or there are none)."""
        return all(g["passed"] for g in self.gates)

    def value(self, spec: str) -> Optional[float]:
        """One overall value by its spec as written; None when undefined (``undefined[spec]`` says why)."""
        if spec not in self.values:
            raise UsageError(f"'{spec}' was not computed; computed: {list(self.values)}")
        return self.values[spec]

    def check_gates(self) -> "EvaluationResult":
        """Raises GateFailure naming every broken gate (where the command line exits 3); else returns self."""
        broken = [g for g in self.gates if not g["passed"]]
        if broken:
            raise GateFailure("gate failed: " + ", ".join(f"{g['gate']} (value {g['value']})" for g in broken))
        return self

    def render(self) -> Dict[str, str]:
        """report.json, report.html and metrics.csv as the command line writes them, by file name."""
        from pyspark.sql import functions as F

        report = F.lit(json.dumps(self.report))
        extra = [F.lit(self._slice_metric)] if self._slice_metric is not None else []
        cols = [F.call_function("sparkeval_report", report, F.lit(name), *extra).alias(name) for name in FILES]
        with translated(is_remote(self._spark)):
            row = self._spark.range(1).select(*cols).head()
        return {name: row[name] for name in FILES}

    def write(self, path) -> Path:
        """Writes report.json, report.html and metrics.csv into the folder ``path`` (on this machine),
        all or nothing: each file goes to a temporary sibling first and is renamed only when all are written."""
        folder = Path(path)
        files = self.render()
        folder.mkdir(parents=True, exist_ok=True)
        staged = {}
        try:
            for name, content in files.items():
                fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
                staged[tmp] = folder / name
                with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                    out.write(content)
            for tmp, final in staged.items():
                os.replace(tmp, final)
        finally:
            for tmp in staged:
                if os.path.exists(tmp):
                    os.remove(tmp)
        return folder

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={text(v) if v is not None else None}" for k, v in self.values.items())
        return f"EvaluationResult(task={self.task}, rows={self.rows}, {shown}, slices={len(self.slices)})"

    def _repr_html_(self) -> str:
        """A notebook's view: every value with its interval and, when undefined, why."""
        rows = []
        for spec, v in self.values.items():
            iv = self.intervals.get(spec)
            cells = [spec, "undefined" if v is None else f"{v:.6g}",
                     "" if not iv or iv[0] is None else f"[{iv[0]:.6g}, {iv[1]:.6g}]", self.undefined.get(spec, "")]
            rows.append("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>")
        source = self.report.get("input")
        head = (f"<p>sparkeval {html.escape(self.task)}{' of ' + html.escape(str(source)) if source else ''}: "
                f"{self.report['rows_used']} of {self.rows} rows"
                f"{', %d slices' % len(self.slices) if self.slices else ''}</p>")
        return (head + "<table><tr><th>spec</th><th>value</th><th>95% interval</th><th>note</th></tr>"
                + "".join(rows) + "</table>")
