"""The production files: the compose file validates with Debian's docker-compose (no Docker engine
needed) and runs every Airflow component from the image; the image installs pressroom the way the
README does."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
import yaml

from tests.conftest import ROOT


def test_the_compose_file_validates_and_has_every_component() -> None:
    if shutil.which("docker-compose") is None:
        pytest.skip("Debian's docker-compose is not installed (.ci/run installs it)")
    compose = ["docker-compose", "-f", str(ROOT / "docker" / "compose.yaml"), "config"]
    env = {k: v for k, v in os.environ.items() if k not in ("POSTGRES_PASSWORD", "AIRFLOW_JWT_SECRET")}
    refused = subprocess.run(compose, capture_output=True, text=True, timeout=60, env=env)
    assert refused.returncode != 0 and "set POSTGRES_PASSWORD" in refused.stderr  # secrets only from the environment
    proc = subprocess.run(compose, capture_output=True, text=True, timeout=60,
                          env={**env, "POSTGRES_PASSWORD": "s3cret", "AIRFLOW_JWT_SECRET": "jwt-s3cret"})
    assert proc.returncode == 0, proc.stderr
    config = yaml.safe_load(proc.stdout)
    services = config["services"]
    assert set(services) == {"postgres", "redis", "airflow-init", "airflow-apiserver", "airflow-scheduler",
                             "airflow-dag-processor", "airflow-triggerer", "airflow-worker"}
    airflow = {name: s for name, s in services.items() if name.startswith("airflow-")}
    assert {s["command"] if isinstance(s["command"], str) else " ".join(s["command"]) for n, s in airflow.items() if n != "airflow-init"} == {
        "api-server", "scheduler", "dag-processor", "triggerer", "celery worker"}
    for service in airflow.values():
        env = service["environment"]
        assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor" and env["AIRFLOW__CELERY__BROKER_URL"].startswith("redis://redis")
        assert env["AIRFLOW_CONN_PRESSROOM_WAREHOUSE"].startswith("postgres://") and env["AIRFLOW_VAR_PRESSROOM_DATA"]
        assert service["build"]["dockerfile"].endswith("docker/Dockerfile")
    assert "pools import /opt/pressroom/docker/pools.json" in services["airflow-init"]["command"]


def test_the_image_installs_pressroom_as_the_readme_does() -> None:
    readme = (ROOT / "README.md").read_text()
    dockerfile = (ROOT / "docker" / "Dockerfile").read_text()
    assert dockerfile.startswith("#") and "FROM apache/airflow:3.3.2-python3.11" in dockerfile
    installed = re.search(r"\.venv/bin/pip install (-c constraints\.txt -e '\.\[)test(\]')", readme)
    assert installed, "the README's install command moved"
    assert f"RUN pip install --no-cache-dir {installed.group(1)}airflow{installed.group(2)}" in dockerfile
    assert "WORKDIR /opt/pressroom" in dockerfile.split("RUN pip install")[0]
