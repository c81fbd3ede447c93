"""Serving the API: one process, or several worker processes sharing one port.

Python runs one request's code at a time per process, so on a machine with more cores the API
runs as several processes. Each worker binds the port with SO_REUSEPORT (the kernel spreads
connections over them) and keeps its own caches, kept fresh by the LISTEN/NOTIFY listeners that
every process runs. The parent owns the database (the embedded server lives as long as it does)
and only supervises.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import signal
import socket
import sys

from sqlalchemy.engine import URL

from socialaid.config import Settings
from socialaid.db.database import Database

log = logging.getLogger(__name__)

WORKER_ENV = "SOCIALAID_WORKER"


def listening_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP, not 0: asyncio turns Nagle's algorithm off only on sockets that say TCP, and
    # with it on every response waits ~40 ms for the client's delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(False)
    return sock


async def serve_process(
    db: Database, settings: Settings, owner_url: URL, host: str, port: int
) -> None:
    """This process's server: change listeners, the app, uvicorn on a shared port."""
    import uvicorn

    from socialaid.access.authentication import Authenticator
    from socialaid.api.app import create_app
    from socialaid.applications.notifications import ApplicationUpdates
    from socialaid.catalogue.revision import RevisionWatcher

    # Listening for grant and policy changes lets this process cache grants safely.
    authenticator = Authenticator(settings)
    revisions = RevisionWatcher(db)
    updates = ApplicationUpdates()
    try:
        await authenticator.listen(db)
        await revisions.start()
        await updates.start(owner_url)
        app = create_app(db, settings, authenticator, revisions, updates)
        # The catalogue and policy loaded so far live as long as the process: keep the
        # collector from rescanning them (it made form compilation's p99 three times its median).
        gc.collect()
        gc.freeze()
        config = uvicorn.Config(app, lifespan="off", access_log=settings.access_log)
        await uvicorn.Server(config).serve(sockets=[listening_socket(host, port)])
    finally:
        await updates.stop()
        await revisions.stop()
        await authenticator.close()


def worker_environment(settings: Settings, owner_url: URL) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": owner_url.render_as_string(hide_password=False),
        "SOCIALAID_SECRET": settings.signing_key,
        WORKER_ENV: "1",
    }


async def supervise_workers(
    settings: Settings, owner_url: URL, host: str, port: int, workers: int
) -> int:
    """Run `workers` worker processes until SIGINT/SIGTERM or until one of them exits."""
    command = [
        sys.executable,
        "-c",
        "from socialaid.cli import app; app()",
        "serve",
        "--host",
        host,
        "--port",
        str(port),
    ]
    environment = worker_environment(settings, owner_url)
    processes = [
        await asyncio.create_subprocess_exec(*command, env=environment) for _ in range(workers)
    ]
    log.info("started %d workers on %s:%d", workers, host, port)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    waiting = {asyncio.create_task(p.wait()) for p in processes}
    stopper = asyncio.create_task(stop.wait())
    await asyncio.wait({*waiting, stopper}, return_when=asyncio.FIRST_COMPLETED)
    stopper.cancel()
    for process in processes:
        if process.returncode is None:
            process.terminate()
    codes = [await asyncio.wait_for(p.wait(), 30) for p in processes]
    return 0 if stop.is_set() else max(abs(c) for c in codes) or 1
