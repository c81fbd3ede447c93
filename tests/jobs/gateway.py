"""A message gateway over real HTTP on localhost, as the SMS platform or the WeChat message
service would be: it records every POST and answers 503 to the first `fail_first` of them."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Gateway:
    url: str
    fail_first: int = 0
    always_fail: bool = False
    received: list[dict[str, Any]] = field(default_factory=list)
    authorizations: list[str | None] = field(default_factory=list)
    attempts: int = 0


@contextmanager
def gateway(fail_first: int = 0, *, always_fail: bool = False) -> Iterator[Gateway]:
    state = Gateway(url="", fail_first=fail_first, always_fail=always_fail)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            with lock:
                state.attempts += 1
                refuse = state.always_fail or state.attempts <= state.fail_first
                if not refuse:
                    state.received.append(json.loads(body))
                    state.authorizations.append(self.headers.get("authorization"))
            self.send_response(503 if refuse else 200)
            self.send_header("content-length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/send"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
