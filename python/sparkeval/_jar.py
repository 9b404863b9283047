"""Where the sparkeval jar is: shipped in the package, or built in the clone it comes from."""
import os
import re
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_PACKAGED = _HERE / "jars" / "sparkeval.jar"
_REPO = _HERE.parent.parent  # python/sparkeval -> the repository, for editable installs


def jar_path() -> str:
    """The sparkeval jar for ``spark.jars`` (or a Connect server's ``--jars``).

    In order: ``$SPARKEVAL_JAR``; the jar the installed package ships (copied from
    ``target/sparkeval.jar`` when it was built); ``target/sparkeval.jar`` of the clone
    of an editable install.
    """
    env = os.environ.get("SPARKEVAL_JAR")
    if env:
        if not Path(env).is_file():
            raise FileNotFoundError(f"SPARKEVAL_JAR is '{env}', which is not a file; "
                                    "point it at a sparkeval.jar or unset it")
        return str(Path(env).resolve())
    for candidate in (_PACKAGED, _REPO / "target" / "sparkeval.jar"):
        if candidate.is_file():
            return str(candidate)
    raise FileNotFoundError("no sparkeval.jar: build it with 'mvn -B -DskipTests package', then "
                            "reinstall the package ('pip install ./python'), or set SPARKEVAL_JAR")


def spark_version() -> str:
    """The Spark version the jar was built for (the pom's spark.version)."""
    shipped = _HERE / "jars" / "spark-version.txt"
    if shipped.is_file():
        return shipped.read_text().strip()
    pom = _REPO / "pom.xml"
    if pom.is_file():
        found = re.search(r"<spark\.version>([^<]+)</spark\.version>", pom.read_text())
        if found:
            return found.group(1)
    return "unknown"
