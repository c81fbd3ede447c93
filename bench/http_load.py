"""A small closed-loop HTTP load generator and a server launcher for the benchmarks.

The client speaks HTTP/1.1 keep-alive over raw asyncio streams so that the load generator spends
as little of the machine's two cores as possible; every request's latency is recorded.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.request import urlopen

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


@dataclass
class LoadResult:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    @property
    def count(self) -> int:
        return len(self.latencies_ms)

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
        return ordered[index]

    def record(
        self,
        status: int,
        payload: bytes,
        elapsed_ms: float,
        check: Callable[[int, bytes], bool] | None,
    ) -> None:
        """Count an answer: its latency when it succeeded (by `check`, or no "errors"), else an error."""
        ok = status == 200 and (check(status, payload) if check else b'"errors"' not in payload)
        if ok:
            self.latencies_ms.append(elapsed_ms)
        else:
            self.errors += 1

    def summary(self) -> str:
        return (
            f"{self.count} requests, {self.errors} errors, {self.count / self.seconds:.0f} req/s, "
            f"median {statistics.median(self.latencies_ms):.2f} ms, p99 {self.percentile(99):.2f} ms, "
            f"max {max(self.latencies_ms):.2f} ms"
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()} {platform.release()}"


@contextmanager
def running_server(
    data_dir: Path, env: dict[str, str] | None = None, args: Sequence[str] = ()
) -> Iterator[str]:
    """`socialaid serve` on a free port with its own embedded database; yields the base URL."""
    port = free_port()
    environment = {**os.environ, "SOCIALAID_DATA_DIR": str(data_dir), **(env or {})}
    environment.pop("DATABASE_URL", None)
    log = (
        (data_dir / "server.log").open("w")
        if data_dir.mkdir(parents=True, exist_ok=True) is None
        else None
    )
    process = subprocess.Popen(
        [str(BIN / "socialaid"), "serve", "--port", str(port), *args],
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=REPO,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urlopen(f"{base}/readyz", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"server did not start; see {data_dir / 'server.log'}"
                    ) from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def _request_bytes(host: str, path: str, body: bytes, headers: dict[str, str]) -> bytes:
    lines = [
        f"POST {path} HTTP/1.1",
        f"Host: {host}",
        "Content-Type: application/json",
        f"Content-Length: {len(body)}",
        *(f"{k}: {v}" for k, v in headers.items()),
        "",
        "",
    ]
    return "\r\n".join(lines).encode() + body


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    chunked = False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
        elif name.strip().lower() == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if not chunked:
        return status, await reader.readexactly(length)
    body = b""
    while True:
        size = int((await reader.readuntil(b"\r\n")).strip(), 16)
        chunk = await reader.readexactly(size + 2)
        if size == 0:
            return status, body
        body += chunk[:-2]


BodyFactory = Callable[[int], tuple[bytes, dict[str, str]]]


async def closed_loop(
    base_url: str,
    path: str,
    make_body: BodyFactory,
    *,
    clients: int,
    requests: int | None = None,
    seconds: float | None = None,
    check: Callable[[int, bytes], bool] | None = None,
) -> LoadResult:
    """`clients` connections each sending its next request when the last answer arrives."""
    host_port = base_url.removeprefix("http://")
    host, port = host_port.split(":")
    result = LoadResult()
    counter = iter(range(10**12))
    deadline = time.monotonic() + seconds if seconds else None
    remaining = [requests if requests is not None else 10**12]

    async def client() -> None:
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while remaining[0] > 0 and (deadline is None or time.monotonic() < deadline):
                remaining[0] -= 1
                body, headers = make_body(next(counter))
                started = time.perf_counter()
                writer.write(_request_bytes(host_port, path, body, headers))
                status, payload = await _read_response(reader)
                result.record(status, payload, (time.perf_counter() - started) * 1000, check)
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    result.seconds = time.perf_counter() - started
    return result


async def paced_loop(
    base_url: str,
    path: str,
    make_body: BodyFactory,
    *,
    clients: int,
    rate: float,
    seconds: float,
    check: Callable[[int, bytes], bool] | None = None,
) -> LoadResult:
    """`clients` connections offering `rate` requests/s in all, each on its own fixed schedule.

    A request's latency runs from when it was due, not from when it was sent, so a server that
    falls behind is charged for the wait (no coordinated omission).
    """
    host_port = base_url.removeprefix("http://")
    host, port = host_port.split(":")
    result = LoadResult()
    counter = iter(range(10**12))
    interval = clients / rate
    start = time.perf_counter() + 0.05

    async def client(offset: float) -> None:
        reader, writer = await asyncio.open_connection(host, int(port))
        due = start + offset
        try:
            while due < start + seconds:
                delay = due - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                body, headers = make_body(next(counter))
                writer.write(_request_bytes(host_port, path, body, headers))
                status, payload = await _read_response(reader)
                result.record(status, payload, (time.perf_counter() - due) * 1000, check)
                due += interval
        finally:
            writer.close()

    await asyncio.gather(*(client(i * interval / clients) for i in range(clients)))
    result.seconds = time.perf_counter() - start
    return result


def graphql_body(query: str, variables: dict[str, object] | None = None) -> bytes:
    return json.dumps({"query": query, "variables": variables or {}}).encode()
