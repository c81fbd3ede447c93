"""`python3 dev.py serve`: stopped by a signal to dev.py's pid, nothing is left running; a user
of the embedded PostgreSQL that was killed does not keep it running; a taken port is one line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from socialaid.api.serving import listening_socket
from socialaid.db.embedded import HANDLE_PIDS, forget_dead_users
from tests.test_http import free_port
from tests.test_serving import environment, postgres_serving

ROOT = Path(__file__).resolve().parent.parent


def dev_environment(data_dir: Path) -> dict[str, str]:
    """An embedded database in `data_dir`; dev.py runs the venv running these tests as it is,
    with this checkout's code (the venv's editable install may be another checkout's)."""
    return environment(data_dir, None) | {
        "SOCIALAID_DEV_VENV": sys.prefix,
        "PYTHONPATH": str(ROOT / "src"),
    }


def dev_serve(port: int, data_dir: Path) -> subprocess.Popen[bytes]:
    """`python3 dev.py serve` once /readyz answers."""
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "dev.py"), "serve", "--port", str(port)],
        cwd=ROOT,
        env=dev_environment(data_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise AssertionError("dev.py serve did not start")
        time.sleep(0.1)


def assert_postgres_stops(data_dir: Path) -> None:
    deadline = time.monotonic() + 20
    while postgres_serving(data_dir):
        assert time.monotonic() < deadline, "the embedded PostgreSQL outlived dev.py serve"
        time.sleep(0.2)


def handle_pids(data_dir: Path) -> list[int]:
    path = data_dir / "pg" / HANDLE_PIDS
    return list(json.loads(path.read_text() or "[]")) if path.exists() else []


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_to_dev_py_stops_the_server_and_its_database(
    tmp_path: Path, signum: signal.Signals
) -> None:
    server = dev_serve(free_port(), tmp_path)
    try:
        assert postgres_serving(tmp_path)

        server.send_signal(signum)  # to dev.py's pid alone, not to its process group

        assert server.wait(timeout=60) == 0
        assert_postgres_stops(tmp_path)
        assert handle_pids(tmp_path) == []
    finally:
        if server.poll() is None:
            server.kill()


def test_a_killed_server_does_not_keep_the_next_ones_database_running(tmp_path: Path) -> None:
    killed = dev_serve(free_port(), tmp_path)
    killed.kill()  # SIGKILL: no clean-up; its pid stays listed and PostgreSQL stays up
    killed.wait()
    assert handle_pids(tmp_path) == [killed.pid]
    assert postgres_serving(tmp_path)

    server = dev_serve(free_port(), tmp_path)
    try:
        server.send_signal(signal.SIGINT)

        assert server.wait(timeout=60) == 0
        assert_postgres_stops(tmp_path)
        assert handle_pids(tmp_path) == []
    finally:
        if server.poll() is None:
            server.kill()
        for pid in postgres_serving(tmp_path):
            os.kill(pid, signal.SIGKILL)


def test_a_taken_port_is_one_line_and_no_database(tmp_path: Path) -> None:
    port = free_port()
    with listening_socket("127.0.0.1", port):
        finished = subprocess.run(
            [sys.executable, str(ROOT / "dev.py"), "serve", "--port", str(port)],
            cwd=ROOT,
            env=dev_environment(tmp_path),
            capture_output=True,
            timeout=60,
            check=False,
        )
    errors = finished.stderr.decode()
    assert finished.returncode == 1, errors
    assert errors.strip() == (
        f"error: cannot listen on 127.0.0.1:{port}: Address already in use"
        " (is another server running there? choose another with --port)"
    )
    assert not (tmp_path / "pg").exists(), "the database was not started for nothing"


def test_only_the_pids_of_processes_that_are_gone_are_forgotten(tmp_path: Path) -> None:
    gone = subprocess.Popen(["true"])
    gone.wait()
    (tmp_path / HANDLE_PIDS).write_text(json.dumps([os.getpid(), gone.pid]))

    assert forget_dead_users(tmp_path) == [gone.pid]
    assert json.loads((tmp_path / HANDLE_PIDS).read_text()) == [os.getpid()]
    assert forget_dead_users(tmp_path) == []


def test_no_list_of_users_is_nothing_to_forget(tmp_path: Path) -> None:
    assert forget_dead_users(tmp_path) == []
    assert not (tmp_path / HANDLE_PIDS).exists()
