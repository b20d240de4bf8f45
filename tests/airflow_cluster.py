"""A real Airflow for tests: scheduler, dag-processor, api-server and triggerer as separate processes, with a
temporary AIRFLOW_HOME and a PostgreSQL metadata database of their own (LocalExecutor), stopped
with one SIGTERM each."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AirflowCluster:
    def __init__(self, home: Path, metadata_url: str, env: dict[str, str]) -> None:
        self.home = home
        self.metadata_url = metadata_url
        port = free_port()
        base = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}
        self.env = {
            **base,
            "AIRFLOW_HOME": str(home),
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": metadata_url,
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_ASYNC": metadata_url,  # psycopg 3 does async too (no asyncpg)
            "AIRFLOW__CORE__DAGS_FOLDER": str(ROOT / "dags"),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
            "AIRFLOW__CORE__PARALLELISM": "4",
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{port}/execution/",
            "AIRFLOW__API__HOST": "127.0.0.1",
            "AIRFLOW__API__PORT": str(port),
            "AIRFLOW__API__WORKERS": "1",
            "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "5",
            "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "1",
            "AIRFLOW__WORKERS__EXECUTION_API_TIMEOUT": "30",  # a busy two-core machine answers slowly at times
            "PYTHONPATH": str(ROOT),
            **env,
        }
        self.procs: dict[str, subprocess.Popen[bytes]] = {}

    def cli(self, *args: str, timeout: float = 120) -> str:
        proc = subprocess.run([str(BIN / "airflow"), *args], env=self.env, capture_output=True, text=True, timeout=timeout)
        if proc.returncode != 0:
            raise RuntimeError(f"airflow {' '.join(args)} exited {proc.returncode}: {proc.stderr[-3000:]}")
        return proc.stdout

    def start(self) -> None:
        """The api-server first, and the others once it answers: a scheduler started beside it
        queues the unpaused DAGs' runs at once, and a task whose first call to the execution API
        times out on a server still starting (two busy cores) is killed and waits its 5-minute
        retry delay."""
        self._spawn("api-server")
        self.wait_for("the api-server to answer", self._api_up, timeout=120, every=0.5)
        for name in ("scheduler", "dag-processor", "triggerer"):
            self._spawn(name)

    def _spawn(self, name: str) -> None:
        log = open(self.home / f"{name}.log", "wb")  # noqa: SIM115 (closed with the process)
        self.procs[name] = subprocess.Popen([str(BIN / "airflow"), name], env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True)

    def _api_up(self) -> bool:
        try:
            with urllib.request.urlopen(self.env["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"] + "health", timeout=5) as r:
                return bool(r.status == 200)
        except OSError:
            return False

    def stop(self, timeout: float = 60) -> dict[str, int | None]:
        """One SIGTERM each; returns each process's exit code (None: it had to be killed)."""
        for proc in self.procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        codes: dict[str, int | None] = {}
        deadline = time.monotonic() + timeout
        for name, proc in self.procs.items():
            try:
                codes[name] = proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                codes[name] = None
        return codes

    def query(self, sql: str, **params: Any) -> list[Any]:
        engine = create_engine(self.metadata_url)
        try:
            with engine.connect() as conn:
                return conn.execute(text(sql), params).all()
        finally:
            engine.dispose()

    def runs(self, dag_id: str) -> list[Any]:
        return self.query("SELECT run_id, state, run_type, logical_date FROM dag_run WHERE dag_id = :d ORDER BY id", d=dag_id)

    def wait_for(self, what: str, check, timeout: float = 150, every: float = 2, state=None) -> Any:  # type: ignore[no-untyped-def]
        """Poll `check()` until it returns something truthy; on timeout, say what was awaited and
        show the end of each process's log."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = check()
            if result:
                return result
            for name, proc in self.procs.items():
                if proc.poll() is not None:
                    raise RuntimeError(f"airflow {name} exited {proc.returncode} while waiting for {what}:\n{self.tail(name)}")
            time.sleep(every)
        raise TimeoutError(f"timed out waiting for {what}; {state() if state else ''}; runs: "
                           f"{self.query('SELECT dag_id, run_id, state FROM dag_run ORDER BY id')}; task states: "
                           f"{self.query('SELECT dag_id, run_id, task_id, state FROM task_instance ORDER BY dag_id, run_id')}\n"
                           + "\n".join(f"--- {n}\n{self.tail(n)}" for n in self.procs))

    def tail(self, name: str, n: int = 4000) -> str:
        path = self.home / f"{name}.log"
        return path.read_text(errors="replace")[-n:] if path.exists() else ""
