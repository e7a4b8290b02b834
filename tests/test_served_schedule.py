"""The real thing: a long-running `prefect server start`, `flows/serve.py` with an interval schedule,
and the server's scheduler starting runs that write the curated tables. (The session test harness
server has no scheduler, so only this catches a schedule that never fires.)"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pandas as pd

from conftest import ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read())


def _post(url: str, body: dict):
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def _wait(what: str, check, timeout: float, *procs):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for p in procs:
            assert p.poll() is None, f"{p.args} exited while waiting for {what}"
        try:
            result = check()
            if result:
                return result
        except (OSError, ValueError):
            pass
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}")


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def test_served_deployment_runs_on_its_schedule(tmp_path):
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home"), "PREFECT_API_URL": api,
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PYTHONPATH", None)  # as a user runs it: python flows/serve.py
    inbox, curated = tmp_path / "inbox", tmp_path / "curated"
    shutil.copytree(ROOT / "raw", inbox)
    logs = open(tmp_path / "server.log", "w"), open(tmp_path / "serve.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                               "--port", str(port)], env=env, stdout=logs[0], stderr=subprocess.STDOUT)
    served = None
    try:
        _wait("the server", lambda: _get(f"{api}/health") is True, 240, server)
        served = subprocess.Popen([sys.executable, str(ROOT / "flows" / "serve.py"), "--inbox", str(inbox),
                                   "--curated", str(curated), "--interval", "5", "--name", "every-5s"],
                                  env=env, cwd=tmp_path, stdout=logs[1], stderr=subprocess.STDOUT)
        deployment = _wait("the deployment", lambda: _get(f"{api}/deployments/name/ingest-endpoints/every-5s"),
                           240, server, served)
        assert [s["schedule"]["interval"] for s in deployment["schedules"]] == [5.0]

        def completed_scheduled_runs():
            runs = _post(f"{api}/flow_runs/filter", {"deployments": {"id": {"any_": [deployment["id"]]}}})
            return [r for r in runs if r["state_type"] == "COMPLETED" and r["auto_scheduled"]]

        runs = _wait("a scheduled run to complete", completed_scheduled_runs, 300, server, served)
        assert runs[0]["parameters"]["raw_dir"] == str(inbox.resolve())
        table = pd.read_parquet(curated / "endpoints.parquet")
        assert set(table["doc_id"]) == {p.stem for p in inbox.iterdir()}
        assert set(pd.read_parquet(curated / "documents.parquet")["status"]) == {"ok"}
    finally:
        if served:
            _stop(served)
        _stop(server)
        for log in logs:
            log.close()
