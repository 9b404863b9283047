"""Starts Spark's own Spark Connect server with the sparkeval jar, from the pip-installed pyspark.

    python -m sparkeval.server --port 15002          # prints the URL and the process id; Ctrl-C stops it

or from Python (tests, notebooks): ``server = start(port=0)``, ``server.url``, ``server.stop()``.
The server is ``org.apache.spark.sql.connect.service.SparkConnectServer`` launched by pyspark's
``bin/spark-submit`` (which adds Java 17's module flags) with ``--jars sparkeval.jar``; the jar's
service file registers the SQL functions, so clients need no set-up.
"""
import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, Optional

from ._jar import jar_path

CONNECT_SERVER = "org.apache.spark.sql.connect.service.SparkConnectServer"


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class ConnectServer:
    """A running server: ``url`` for ``SparkSession.builder.remote(url)``, ``pid``, ``stop()``."""

    def __init__(self, process: subprocess.Popen, host: str, port: int, log: Path):
        self.process = process
        self.host = host
        self.port = port
        self.log = log

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def url(self) -> str:
        return f"sc://{self.host}:{self.port}"

    def stop(self, timeout: float = 30) -> None:
        """Stops the server by its process id (SIGTERM, then SIGKILL after ``timeout`` seconds)."""
        if self.process.poll() is None:
            os.kill(self.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.kill(self.pid, signal.SIGKILL)
                self.process.wait()

    def __enter__(self) -> "ConnectServer":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start(port: int = 15002, host: str = "127.0.0.1", master: str = "local[*]", conf: Optional[Dict[str, str]] = None,
          log: Optional[str] = None, timeout: float = 120) -> ConnectServer:
    """Starts a Connect server with the sparkeval jar on ``host:port`` (port 0: a free one) and waits
    until it accepts connections. Its log goes to ``log`` (default: a file in the temp folder)."""
    import pyspark

    spark_home = Path(pyspark.__file__).resolve().parent
    port = port or free_port(host)
    settings = {"spark.connect.grpc.binding.address": host, "spark.connect.grpc.binding.port": str(port),
                "spark.driver.host": host, "spark.driver.bindAddress": host, "spark.ui.enabled": "false"}
    settings.update(conf or {})
    cmd = [str(spark_home / "bin" / "spark-submit"), "--class", CONNECT_SERVER, "--name", "sparkeval Connect server",
           "--master", master, "--jars", jar_path()]
    for k, v in settings.items():
        cmd += ["--conf", f"{k}={v}"]
    cmd.append("spark-internal")
    env = dict(os.environ, SPARK_HOME=str(spark_home), SPARK_LOCAL_IP=host)
    log_path = Path(log) if log else Path(os.environ.get("TMPDIR", "/tmp")) / f"sparkeval-connect-{port}.log"
    with open(log_path, "wb") as out:
        process = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, stdin=subprocess.DEVNULL)
    server = ConnectServer(process, host, port, log_path)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the Connect server exited with code {process.returncode}; see {log_path}")
        try:
            with socket.create_connection((host, port), timeout=1):
                return server
        except OSError:
            time.sleep(0.5)
    server.stop()
    raise RuntimeError(f"the Connect server did not listen on {host}:{port} within {timeout:.0f} s; see {log_path}")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m sparkeval.server", description=__doc__.splitlines()[0])
    p.add_argument("--port", type=int, default=15002, help="gRPC port (0: a free one); default 15002")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on; default 127.0.0.1")
    p.add_argument("--master", default="local[*]", help="Spark master; default local[*]")
    p.add_argument("--conf", action="append", default=[], metavar="K=V", help="more Spark settings (repeatable)")
    a = p.parse_args(argv)
    conf = dict(kv.split("=", 1) for kv in a.conf)
    server = start(a.port, a.host, a.master, conf)
    print(f"Spark Connect server with sparkeval at {server.url} (pid {server.pid}, log {server.log}); Ctrl-C stops it",
          flush=True)
    try:
        server.process.wait()
    except KeyboardInterrupt:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
