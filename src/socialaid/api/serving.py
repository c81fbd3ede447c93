"""Serving the API: one process, or several worker processes sharing one listening socket.

Python runs one request's code at a time per process, so on a machine with more cores the API
runs as several processes. The parent binds the port once and the workers inherit the socket
(each accepts from it); each keeps its own caches, kept fresh by the LISTEN/NOTIFY listeners that
every process runs. The parent owns the database (the embedded server lives as long as it does)
and only supervises; a worker dies with its parent.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import os
import shutil
import signal
import socket
import sys
import tempfile
from types import FrameType

import uvicorn
from sqlalchemy.engine import URL

from socialaid.config import Settings
from socialaid.db.database import Database

log = logging.getLogger(__name__)

WORKER_ENV = "SOCIALAID_WORKER"
SOCKET_FD_ENV = "SOCIALAID_LISTEN_FD"
# prometheus_client's multiprocess mode: each worker writes its metrics to files there and
# /metrics adds up every worker's (api/metrics.py).
METRICS_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"
PARENT_ENV = "SOCIALAID_PARENT_PID"
STOP_TIMEOUT = 30.0
_PR_SET_PDEATHSIG = 1


def listening_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP, not 0: asyncio turns Nagle's algorithm off only on sockets that say TCP, and
    # with it on every response waits ~40 ms for the client's delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    return sock


def url(host: str, port: int) -> str:
    """The address a browser or curl takes for `host` and `port`."""
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _inherited_socket() -> socket.socket | None:
    fd = os.environ.get(SOCKET_FD_ENV)
    return None if fd is None else socket.socket(fileno=int(fd))


def become_worker() -> None:
    """First thing in a worker: on Linux, be sent SIGTERM when the parent dies, and leave at
    once if it died already (before the request to be told could be made)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    parent = os.environ.get(PARENT_ENV)
    if parent is not None and os.getppid() != int(parent):
        raise SystemExit(0)


class _Server(uvicorn.Server):
    """uvicorn re-raises SIGINT/SIGTERM after its graceful shutdown, which would kill the
    process before its clean-up (the embedded database) runs; this one just returns."""

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        super().handle_exit(sig, frame)
        self._captured_signals.clear()


async def serve_process(
    db: Database, settings: Settings, owner_url: URL, host: str, port: int
) -> None:
    """This process's server: change listeners, the app, uvicorn on the (inherited) socket."""
    from socialaid.api.change_listeners import serving_with_listeners

    sock = _inherited_socket()
    if sock is None:
        sock = listening_socket(host, port)
        log.info("listening on %s", url(host, port))
    try:
        async with serving_with_listeners(db, settings, owner_url) as app:
            # The app logs each request itself, without the query string (api/access_log.py).
            # log_config=None: uvicorn's error log goes to the root handler `serve` configured
            # (one format for every line) instead of uvicorn's own.
            config = uvicorn.Config(app, lifespan="off", access_log=False, log_config=None)
            await _Server(config).serve(sockets=[sock])
    finally:
        sock.close()


def worker_environment(
    settings: Settings, owner_url: URL, fd: int, metrics_dir: str
) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": owner_url.render_as_string(hide_password=False),
        "SOCIALAID_SECRET": settings.signing_key,
        WORKER_ENV: "1",
        SOCKET_FD_ENV: str(fd),
        PARENT_ENV: str(os.getpid()),
        METRICS_DIR_ENV: metrics_dir,
    }


async def supervise_workers(
    settings: Settings, owner_url: URL, host: str, port: int, workers: int
) -> int:
    """Run `workers` worker processes until SIGINT/SIGTERM (exit 0) or until one of them exits
    (its exit code); the others are then stopped, and killed if they do not stop in time."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    sock = listening_socket(host, port)
    command = [sys.executable, "-c", "from socialaid.cli import app; app()", "serve"]
    # Fresh for every start: files left by an earlier run's workers would be counted again.
    metrics_dir = tempfile.mkdtemp(prefix="socialaid-metrics-")
    environment = worker_environment(settings, owner_url, sock.fileno(), metrics_dir)
    processes: list[asyncio.subprocess.Process] = []
    try:
        for _ in range(workers):
            if stop.is_set():
                break
            processes.append(
                await asyncio.create_subprocess_exec(
                    *command, env=environment, pass_fds=(sock.fileno(),)
                )
            )
        log.info("listening on %s with %d workers", url(host, port), len(processes))
        waiting = {asyncio.create_task(p.wait()): p for p in processes}
        stopper = asyncio.create_task(stop.wait())
        done, _ = await asyncio.wait({*waiting, stopper}, return_when=asyncio.FIRST_COMPLETED)
        stopper.cancel()
        exited = [waiting[t] for t in done if t in waiting]
        code = 0 if stop.is_set() or not exited else abs(exited[0].returncode or 1)
    finally:
        sock.close()
        await _stop_all(processes)
        shutil.rmtree(metrics_dir, ignore_errors=True)
    return code


async def _stop_all(processes: list[asyncio.subprocess.Process]) -> None:
    for process in processes:
        if process.returncode is None:
            process.terminate()
    for process in processes:
        try:
            await asyncio.wait_for(process.wait(), STOP_TIMEOUT)
        except TimeoutError:
            log.warning("worker %d did not stop in %.0f s: killed", process.pid, STOP_TIMEOUT)
            process.kill()
            await process.wait()
