"""Errors from the JVM (py4j) or a Connect server, turned into one-line Python exceptions."""
import contextlib
import re

from ._jar import jar_path


class UsageError(ValueError):
    """Bad usage or bad input: the message is the command line's one line naming the fault."""


class GateFailure(Exception):
    """A gate broke: the message lists the gates and their values (the command line exits 3)."""


_USAGE_CLASS = "dev.sparkeval.core.UsageException"
# PySpark logs every captured SQL error with its JVM stack before raising it; ours get one line.
_QUERY_LOGGERS = ("DataFrameQueryContextLogger", "SQLQueryContextLogger")


def missing_jar_message(remote: bool) -> str:
    if remote:
        return ("the sparkeval SQL functions are not on this Spark Connect server; start it with the jar "
                f"(--jars {jar_path_or_hint()}), for example with 'python -m sparkeval.server'")
    return ("the sparkeval jar is not on this session's class path; start the session with "
            f".config('spark.jars', sparkeval.jar_path())  (the jar: {jar_path_or_hint()})")


def jar_path_or_hint() -> str:
    try:
        return jar_path()
    except FileNotFoundError as e:
        return str(e)


def usage_message(error: BaseException):
    """The one-line message of a sparkeval usage error inside ``error``, or None."""
    condition = getattr(error, "getCondition", None)
    if condition is not None:
        try:
            if condition() == "USER_RAISED_EXCEPTION":
                return error.getMessageParameters().get("errorMessage")
        except Exception:  # pragma: no cover - an exception without its parameters
            pass
    java = getattr(error, "java_exception", None)  # py4j: walk the Java causes
    while java is not None:
        try:
            if java.getClass().getName() == _USAGE_CLASS:
                return java.getMessage()
            java = java.getCause()
        except Exception:  # pragma: no cover - a broken gateway
            break
    text = str(error)  # Spark Connect: the server's class name and message in the text
    found = re.search(re.escape(_USAGE_CLASS) + r":\s*(.+)", text)
    return found.group(1).strip() if found else None


def is_missing_function(error: BaseException) -> bool:
    condition = getattr(error, "getCondition", None)
    try:
        return condition is not None and condition() == "UNRESOLVED_ROUTINE" and "sparkeval_" in str(error)
    except Exception:  # pragma: no cover
        return False


def _query_loggers() -> list:
    """PySpark's query-context loggers, made by PySpark's own factory: a plain logging.Logger under their
    names would break PySpark's later calls with its keyword fields."""
    try:
        from pyspark.logger import PySparkLogger
    except ImportError:  # pragma: no cover - a PySpark without them
        return []
    return [PySparkLogger.getLogger(name) for name in _QUERY_LOGGERS]


@contextlib.contextmanager
def translated(remote: bool):
    """Raises sparkeval's usage errors as UsageError (ValueError) with their one line, not a JVM stack."""
    loggers = _query_loggers()
    was = [lg.disabled for lg in loggers]
    for lg in loggers:
        lg.disabled = True
    try:
        yield
    except UsageError:
        raise
    except Exception as e:
        message = usage_message(e)
        if message is not None:
            raise UsageError(message) from None
        if is_missing_function(e):
            raise UsageError(missing_jar_message(remote)) from None
        if type(e).__name__ == "TypeError" and "JavaPackage" in str(e):
            raise UsageError(missing_jar_message(False)) from None
        raise
    finally:
        for lg, d in zip(loggers, was):
            lg.disabled = d
