"""The installed package: it ships the jar it was built with and says which Spark that jar is for."""
from pathlib import Path

import pyspark

import sparkeval


def test_the_installed_package_ships_the_jar(monkeypatch):
    monkeypatch.delenv("SPARKEVAL_JAR", raising=False)
    jar = Path(sparkeval.jar_path())
    assert jar.is_file() and jar.name == "sparkeval.jar"
    assert jar.parent == Path(sparkeval.__file__).resolve().parent / "jars", "not the shipped copy"
    assert sparkeval.spark_version() == pyspark.__version__, "pyspark must be pinned to the jar's Spark"


def test_sparkeval_jar_overrides_and_is_checked(monkeypatch, tmp_path):
    monkeypatch.setenv("SPARKEVAL_JAR", str(tmp_path / "nope.jar"))
    try:
        sparkeval.jar_path()
    except FileNotFoundError as e:
        assert "SPARKEVAL_JAR" in str(e)
    else:
        raise AssertionError("a missing SPARKEVAL_JAR must fail")
    jar = tmp_path / "mine.jar"
    jar.write_bytes(b"")
    monkeypatch.setenv("SPARKEVAL_JAR", str(jar))
    assert sparkeval.jar_path() == str(jar.resolve())


def test_error_translation_leaves_pysparks_loggers_as_pyspark_made_them():
    import logging

    from sparkeval._errors import translated

    with translated(False):
        pass
    for name in ("DataFrameQueryContextLogger", "SQLQueryContextLogger"):
        logger = logging.getLogger(name)
        assert type(logger).__name__ == "PySparkLogger" and not logger.disabled
