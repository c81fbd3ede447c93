"""A real PgBouncer in transaction mode in front of the test PostgreSQL, for the tests.

Debian's `pgbouncer` package provides it. It is not installed by pip, so a machine without it
fails these tests with the one command that installs it, rather than skipping them unnoticed.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from socialaid.db.bootstrap import owner_connection

INSTALL = "apt-get install -y pgbouncer"
ENTRYPOINT = Path(__file__).resolve().parents[1] / "docs/operations/pgbouncer/entrypoint.sh"


def pgbouncer_binary() -> str:
    found = shutil.which("pgbouncer") or shutil.which("pgbouncer", path="/usr/sbin:/sbin")
    if found is None:
        raise AssertionError(f"pgbouncer is not installed; install it with: {INSTALL}")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def server_address(owner_url: URL) -> tuple[str, int]:
    """Where the server listens: its socket directory (or host) and port."""
    connection = await owner_connection(owner_url)
    try:
        port = int(await connection.fetchval("SHOW port"))
    finally:
        await connection.close()
    host = owner_url.query.get("host") or owner_url.host or "127.0.0.1"
    return str(host), port


def _run_as(host: str) -> list[str]:
    """PgBouncer refuses to run as root: as root, run it as the user owning the server's socket
    directory (who may connect through it), or nobody for a server reached over TCP."""
    if os.geteuid() != 0:
        return []
    user = Path(host).owner() if host.startswith("/") else "nobody"
    return ["-u", user]


@contextmanager
def running_pgbouncer(
    owner_url: URL, server: tuple[str, int], *, app_role_password: str, server_connections: int
) -> Iterator[URL]:
    """PgBouncer in transaction mode for the owner URL's database, at most `server_connections`
    server connections for it, admitting the app role with `app_role_password`; yields the URL
    to reach that database through it."""
    binary = pgbouncer_binary()
    host, server_port = server
    database = owner_url.database
    assert database is not None
    port = free_port()
    # Readable by the user PgBouncer switches to: not pytest's private temporary directory.
    directory = Path(tempfile.mkdtemp(prefix="socialaid-pgbouncer-"))
    run_as = _run_as(host)
    if run_as:
        shutil.chown(directory, user=run_as[1])
    # The configuration compose.yaml's `pgbouncer` service runs, written by its own entrypoint.
    environment = {
        "PATH": f"{Path(binary).parent}:{os.environ.get('PATH', '')}",
        "SOCIALAID_APP_ROLE_PASSWORD": app_role_password,
        "PGBOUNCER_CONF_DIR": str(directory),
        "DB_NAME": database,
        "DB_HOST": host,
        "DB_PORT": str(server_port),
        "LISTEN_ADDR": "127.0.0.1",
        "LISTEN_PORT": str(port),
        "DEFAULT_POOL_SIZE": str(server_connections),
        "MAX_DB_CONNECTIONS": str(server_connections),
        "MAX_CLIENT_CONN": "200",
        **({"PGBOUNCER_USER": run_as[1]} if run_as else {}),
    }
    process = subprocess.Popen(
        ["sh", str(ENTRYPOINT)],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_until_listening(process, port)
        yield make_url(f"postgresql://127.0.0.1:{port}/{database}")
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(directory, ignore_errors=True)


def _wait_until_listening(process: subprocess.Popen[bytes], port: int) -> None:
    deadline = time.monotonic() + 15
    while process.poll() is None and time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    process.kill()
    output = process.communicate()[0].decode(errors="replace")
    raise AssertionError(f"pgbouncer did not start:\n{output}")
