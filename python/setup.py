"""Builds the package with the jar that `mvn -B -DskipTests package` made in ../target.

The wheel ships the jar (sparkeval/jars/sparkeval.jar) and the Spark version it was built
for, so an installed package needs nothing from the clone it was built from.
"""
import re
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

REPO = Path(__file__).resolve().parent.parent
JAR = REPO / "target" / "sparkeval.jar"
POM = REPO / "pom.xml"


class BuildPyWithJar(build_py):
    def run(self):
        super().run()
        if not JAR.is_file():
            raise SystemExit(f"sparkeval: {JAR} is missing; build it first with "
                             f"'mvn -B -DskipTests package' in {REPO}")
        found = re.search(r"<spark\.version>([^<]+)</spark\.version>", POM.read_text())
        if not found:
            raise SystemExit(f"sparkeval: no <spark.version> in {POM}")
        dest = Path(self.build_lib) / "sparkeval" / "jars"
        dest.mkdir(parents=True, exist_ok=True)
        shutil.copy2(JAR, dest / "sparkeval.jar")
        (dest / "spark-version.txt").write_text(found.group(1) + "\n")


setup(cmdclass={"build_py": BuildPyWithJar})
