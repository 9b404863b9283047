"""Python keyword arguments as the evaluate command's options (the JVM checks them, with the CLI's messages)."""
import difflib
import numbers

from ._errors import UsageError

# keyword -> option of `./submit.sh evaluate` (see `evaluate --help`)
EVALUATE_OPTIONS = {
    "threshold": "--threshold",
    "logits": "--logits",
    "label_sets": "--label-sets",
    "class_weights": "--class-weights",
    "ignore_index": "--ignore-index",
    "bootstrap": "--bootstrap",
    "seed": "--seed",
    "bad_rows": "--bad-rows",
    "gates": "--gate",
    "max_slices": "--max-slices",
    "max_classes": "--max-classes",
    "min_slice_rows": "--min-slice-rows",
    "slice_metric": "--slice-metric",
    "target": "--target",
    "anchor": "--anchor",
    "positive": "--positive",
    "negative": "--negative",
    "query": "--query",
    "features": "--features",
    "input": "--input",
}
_FLAGS = {"logits", "label_sets"}
_REPEATED = {"gates"}


def text(value) -> str:
    """A value as the command line would spell it; floats keep every bit (repr round-trips)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        return repr(float(value))
    return str(value)


def words(value, name: str) -> list:
    """A string or a sequence of strings as a list (a lone string is one item, not its characters)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    try:
        return [str(v) for v in value]
    except TypeError:
        raise UsageError(f"{name} must be a string or a list of strings, got {value!r}") from None


def unknown(name: str, known, what: str) -> UsageError:
    close = difflib.get_close_matches(name, list(known), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return UsageError(f"{what} has no option '{name}'{hint}; options: {', '.join(sorted(known))}")


def evaluate_args(task, label=None, prediction=None, weight=None, losses=(), metrics=(), slices=(), **options) -> list:
    """The evaluate command's arguments for these keyword arguments (without --input/--out)."""
    if task is None:
        raise UsageError("the task is required: one of regression, binary, multiclass, multilabel, "
                         "distribution, embedding, segmentation, ranking, clustering")
    args = ["--task", text(task)]
    for option, value in (("--label", label), ("--prediction", prediction), ("--weight", weight)):
        if value is not None:
            args += [option, text(value)]
    for spec in words(losses, "losses"):
        args += ["--loss", spec]
    for spec in words(metrics, "metrics"):
        args += ["--metric", spec]
    cols = words(slices, "slices")
    if cols:
        args += ["--slice", ",".join(cols)]
    for name, value in options.items():
        if name not in EVALUATE_OPTIONS:
            raise unknown(name, list(EVALUATE_OPTIONS) + ["partitions", "via"], "sparkeval.evaluate")
        if value is None:
            continue
        option = EVALUATE_OPTIONS[name]
        if name in _FLAGS:
            if not isinstance(value, bool):
                raise UsageError(f"{name} must be True or False, got {value!r}")
            if value:
                args.append(option)
        elif name in _REPEATED:
            for v in words(value, name):
                args += [option, v]
        elif name == "class_weights" and not isinstance(value, str):
            args += [option, ",".join(text(w) for w in value)]
        else:
            args += [option, text(value)]
    return args
