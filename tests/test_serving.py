"""Serving: accepted connections send at once (no Nagle), and several workers share one port."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import httpx

from socialaid.api.serving import listening_socket
from socialaid.db.database import Database
from tests.conftest import TEST_SECRET
from tests.eventually import DEADLINE
from tests.test_http import free_port

SOCIALAID = Path(sys.executable).parent / "socialaid"


async def test_connections_on_the_shared_socket_have_nagles_algorithm_off() -> None:
    nodelay: asyncio.Queue[int] = asyncio.Queue()

    async def on_connect(_r: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connection = writer.get_extra_info("socket")
        await nodelay.put(connection.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
        writer.close()

    port = free_port()
    server = await asyncio.start_server(on_connect, sock=listening_socket("127.0.0.1", port))
    async with server:
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        assert await asyncio.wait_for(nodelay.get(), 5) != 0
        writer.close()


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def environment(tmp_path: Path, db: Database | None) -> dict[str, str]:
    env = {
        **os.environ,
        "SOCIALAID_SECRET": TEST_SECRET,
        "SOCIALAID_DATA_DIR": str(tmp_path),
        "SOCIALAID_ACCESS_LOG": "false",
    }
    env.pop("DATABASE_URL", None)
    if db is not None:
        env["DATABASE_URL"] = db.owner_url.set(drivername="postgresql").render_as_string(
            hide_password=False
        )
    return env


def started(
    port: int, *args: str, env: dict[str, str], output: IO[bytes] | int = subprocess.DEVNULL
) -> subprocess.Popen[bytes]:
    """`socialaid serve` once it is ready; what it prints (stdout and stderr) goes to `output`."""
    return started_command([str(SOCIALAID), "serve", "--port", str(port), *args], port, env, output)


def started_command(
    command: list[str], port: int, env: dict[str, str], output: IO[bytes] | int = subprocess.DEVNULL
) -> subprocess.Popen[bytes]:
    """`command`, a server that answers on `port`, once it is ready."""
    process = subprocess.Popen(command, env=env, stdout=output, stderr=output)
    deadline = time.monotonic() + 120
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise AssertionError("the server did not start")
        time.sleep(0.1)


def postgres_serving(data_dir: Path) -> list[int]:
    """PostgreSQL server processes whose data directory is under `data_dir`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if command[0].endswith(b"postgres") and str(data_dir).encode() in b" ".join(command):
                found.append(int(entry.name))
    return found


def test_two_workers_answer_on_one_port_and_stop_with_their_parent(
    db: Database, tmp_path: Path
) -> None:
    port = free_port()
    parent = started(port, "--workers", "2", env=environment(tmp_path, db))
    try:
        workers = children_of(parent.pid)
        assert len(workers) == 2
        for _ in range(20):
            response = httpx.post(
                f"http://127.0.0.1:{port}/graphql",
                json={"query": "{ tenants { code } }"},
                timeout=DEADLINE,
            )
            assert response.status_code == 200 and "310105" in response.text

        parent.send_signal(signal.SIGTERM)
        assert parent.wait(timeout=30) == 0
        assert all(not Path(f"/proc/{pid}").exists() for pid in workers)
    finally:
        if parent.poll() is None:
            parent.kill()


def test_a_worker_that_dies_takes_the_server_down_with_its_exit_code(
    db: Database, tmp_path: Path
) -> None:
    parent = started(free_port(), "--workers", "2", env=environment(tmp_path, db))
    try:
        first, second = children_of(parent.pid)
        os.kill(first, signal.SIGKILL)

        assert parent.wait(timeout=40) == signal.SIGKILL
        assert not Path(f"/proc/{second}").exists()
    finally:
        if parent.poll() is None:
            parent.kill()


def test_the_embedded_database_stops_when_a_single_process_server_is_terminated(
    tmp_path: Path,
) -> None:
    server = started(free_port(), env=environment(tmp_path, None))
    assert postgres_serving(tmp_path)

    server.send_signal(signal.SIGTERM)

    assert server.wait(timeout=60) == 0
    deadline = time.monotonic() + 20
    while postgres_serving(tmp_path):
        assert time.monotonic() < deadline, "the embedded PostgreSQL outlived the server"
        time.sleep(0.2)


def test_production_without_token_verification_refuses_to_start_before_binding_the_port(
    tmp_path: Path,
) -> None:
    port = free_port()
    env = environment(tmp_path, None) | {
        "SOCIALAID_ENV": "production",
        # Unreachable: a server that went on to provision would fail differently, not hang.
        "DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none",
    }
    env = {k: v for k, v in env.items() if not k.startswith("SOCIALAID_JWT")}
    finished = subprocess.run(
        [str(SOCIALAID), "serve", "--port", str(port)],
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    errors = finished.stderr.decode()
    assert finished.returncode == 1, errors
    assert "error: 生产环境必须设置 SOCIALAID_JWT_PUBLIC_KEY_FILE 或 SOCIALAID_JWKS_FILE" in errors
    assert "SOCIALAID_JWT_ISSUER" in errors and "SOCIALAID_JWT_AUDIENCE" in errors
    assert "Traceback" not in errors
    assert not (tmp_path / "pg").exists(), "nothing was provisioned"
    listening_socket("127.0.0.1", port).close()  # the port was never bound
