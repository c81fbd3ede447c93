"""A small closed-loop HTTP load generator and a server launcher for the benchmarks.

The client speaks HTTP/1.1 keep-alive over raw asyncio streams so that the load generator spends
as little of the machine's two cores as possible; every request's latency is recorded.

Also here: the two baseline servers every HTTP benchmark measures in the same run (static JSON and
bare strawberry, see baseline_apps.py), a markdown table with each result's ratio to them, and the
CPU time the server's processes and its embedded PostgreSQL use during a load (from /proc).
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
import tempfile
import time
import uuid
from collections.abc import Callable, Coroutine, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.request import Request, urlopen

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _ratio(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


@dataclass
class LoadResult:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    load_average: float = float("nan")  # the 1-minute load average when the load ended

    @property
    def count(self) -> int:
        return len(self.latencies_ms)

    @property
    def median(self) -> float:
        return statistics.median(self.latencies_ms) if self.latencies_ms else float("nan")

    @property
    def per_second(self) -> float:
        return self.count / self.seconds if self.seconds else float("nan")

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
            f"{self.count} requests, {self.errors} errors, {self.per_second:.0f} req/s, "
            f"median {self.median:.2f} ms, p99 {self.percentile(99):.2f} ms, "
            f"max {max(self.latencies_ms, default=float('nan')):.2f} ms"
        )

    def row(self, load: str, server: str, baselines: Mapping[str, LoadResult] | None = None) -> str:
        """One markdown table row; with `baselines`, this result's ratios to each of them."""
        cells = [
            load,
            server,
            f"{self.count:,}",
            str(self.errors),
            f"{self.per_second:,.0f}",
            f"{self.median:.2f} ms",
            f"{self.percentile(99):.2f} ms",
            f"{max(self.latencies_ms, default=float('nan')):.2f} ms",
            f"{self.load_average:.1f}",
        ]
        if baselines:
            rates = [self.per_second / b.per_second for b in baselines.values()]
            p99s = [self.percentile(99) / b.percentile(99) for b in baselines.values()]
            cells += [" / ".join(map(_ratio, rates)), " / ".join(map(_ratio, p99s))]
        else:
            cells += ["", ""]
        return "| " + " | ".join(cells) + " |"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def machine() -> str:
    """The date, the CPU model and count, Python and the kernel; printed by every benchmark."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{time.strftime('%Y-%m-%d %H:%M %Z')}; {os.cpu_count()} CPUs ({cpu}), "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def _processes() -> dict[int, tuple[int, int]]:
    """pid → (parent pid, CPU clock ticks used: its own and its reaped children's)."""
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # after the command: state ppid … utime(14) stime(15) cutime(16) cstime(17), 1-based
        table[int(entry.name)] = (int(fields[1]), sum(int(f) for f in fields[11:15]))
    return table


def _tree(root: int, table: Mapping[int, tuple[int, int]]) -> set[int]:
    found, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, (ppid, _) in table.items() if ppid == parent]
        found.update(children)
        frontier += children
    return found


def postmaster(data_dir: Path) -> int | None:
    """The pid of the PostgreSQL server whose data directory (`-D`) is inside `data_dir`."""
    inside = str(data_dir.resolve())
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().decode(errors="replace").split("\0")
        except OSError:
            continue
        if argv[0].endswith("postgres") and "-D" in argv:
            pgdata = argv[argv.index("-D") + 1] if argv.index("-D") + 1 < len(argv) else ""
            if pgdata == inside or pgdata.startswith(inside + "/"):
                return int(entry.name)
    return None


@dataclass
class Cpu:
    """CPU seconds used by the server's processes and by PostgreSQL's, between two readings."""

    server: float = 0.0
    postgres: float = 0.0

    def per_request_ms(self, requests: int) -> str:
        total = (self.server + self.postgres) / requests * 1000
        return (
            f"{total:.1f} ms (server {self.server / requests * 1000:.1f} ms, "
            f"PostgreSQL {self.postgres / requests * 1000:.1f} ms)"
        )


@dataclass
class Server:
    """A running `socialaid serve`: its base URL, its process and its data directory."""

    base: str
    pid: int
    data_dir: Path

    def cpu_ticks(self) -> tuple[int, int]:
        """Clock ticks used so far by the server's process tree and by the PostgreSQL tree.

        Live processes count their own time and that of the children they have reaped (a
        PostgreSQL backend that exits is reaped by the postmaster), so a difference of two
        readings is the CPU time used in between, processes that came and went included.
        """
        table = _processes()
        database = postmaster(self.data_dir)
        postgres = _tree(database, table) if database is not None else set()
        server = _tree(self.pid, table) - postgres
        return (
            sum(table[pid][1] for pid in server if pid in table),
            sum(table[pid][1] for pid in postgres if pid in table),
        )

    @contextmanager
    def cpu(self) -> Iterator[Cpu]:
        """`with server.cpu() as used:` … afterwards `used` holds the CPU seconds in between."""
        used = Cpu()
        before = self.cpu_ticks()
        try:
            yield used
        finally:
            after = self.cpu_ticks()
            ticks = os.sysconf("SC_CLK_TCK")
            used.server = (after[0] - before[0]) / ticks
            used.postgres = (after[1] - before[1]) / ticks


def _wait_ready(base: str, process: subprocess.Popen[bytes], log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urlopen(f"{base}/readyz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start; see {log}") from None
            time.sleep(0.2)


@contextmanager
def running_server(
    data_dir: Path,
    env: dict[str, str] | None = None,
    args: Sequence[str] = (),
    access_log: bool = False,
) -> Iterator[Server]:
    """`socialaid serve` on a free port with its own embedded database (access log off unless
    asked for, as for the baselines)."""
    port = free_port()
    environment = {
        **os.environ,
        "SOCIALAID_DATA_DIR": str(data_dir),
        "SOCIALAID_ACCESS_LOG": str(access_log).lower(),
        **(env or {}),
    }
    environment.pop("DATABASE_URL", None)
    data_dir.mkdir(parents=True, exist_ok=True)
    log_path = data_dir / "server.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [str(BIN / "socialaid"), "serve", "--port", str(port), *args],
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=REPO,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_ready(base, process, log_path, 120)
            yield Server(base, process.pid, data_dir)
        finally:
            process.terminate()
            process.wait(timeout=30)


Check = Callable[[int, bytes], bool]
BodyFactory = Callable[[int], tuple[bytes, dict[str, str]]]
HELLO = json.dumps({"query": "{ hello }"}).encode()
HELLO_ANSWER = b'{"data":{"hello":"world"}}'


def fetch(base_url: str, path: str, body: bytes, headers: Mapping[str, str] | None = None) -> bytes:
    """One POST; the response body as sent (e.g. to hand to the static baseline)."""
    request = Request(
        f"{base_url}{path}", body, {"Content-Type": "application/json", **(headers or {})}
    )
    with urlopen(request, timeout=30) as response:
        return bytes(response.read())


Load = Callable[[str, BodyFactory, Check | None], Coroutine[Any, Any, LoadResult]]


@dataclass
class Baselines:
    """Two baseline servers: static JSON (the real response's bytes) and bare strawberry."""

    static: str
    static_body: bytes
    hello: str

    def run(self, load: Load, request: BodyFactory) -> dict[str, LoadResult]:
        """The load shape `load` against both: the static server receives `request` (the real
        request, read and ignored), bare strawberry `{ hello }`. Each answer is checked."""
        return {
            "static JSON": asyncio.run(
                load(self.static, request, lambda s, p: s == 200 and p == self.static_body)
            ),
            "bare strawberry": asyncio.run(
                load(self.hello, lambda _: (HELLO, {}), lambda s, p: s == 200 and p == HELLO_ANSWER)
            ),
        }


@contextmanager
def baseline_servers(
    static_body: bytes, workers: int = 1, access_log: bool = False
) -> Iterator[Baselines]:
    """Both baseline servers (bench/baseline_apps.py) on free ports, warmed up."""
    with tempfile.TemporaryDirectory(prefix="bench-baseline-") as folder:
        body_file = Path(folder) / "body.json"
        body_file.write_bytes(static_body)
        environment = {**os.environ, "BENCH_STATIC_BODY": str(body_file)}
        started: dict[str, tuple[subprocess.Popen[bytes], str]] = {}
        try:
            for app in ("static", "hello"):
                port = free_port()
                command = [sys.executable, str(REPO / "bench" / "baseline_apps.py"), "--app", app]
                command += ["--port", str(port), "--workers", str(workers)]
                command += ["--access-log"] if access_log else []
                log_path = Path(folder) / f"{app}.log"
                with log_path.open("w") as log:
                    process = subprocess.Popen(
                        command, env=environment, stdout=log, stderr=subprocess.STDOUT, cwd=REPO
                    )
                base = f"http://127.0.0.1:{port}"
                started[app] = (process, base)
                _wait_ready(base, process, log_path, 60)
                asyncio.run(
                    closed_loop(base, "/graphql", lambda _: (HELLO, {}), clients=4, seconds=1)
                )
            yield Baselines(started["static"][1], static_body, started["hello"][1])
        finally:
            for process, _ in started.values():
                process.terminate()
            for process, _ in started.values():
                process.wait(timeout=30)


def print_table(
    rows: Sequence[tuple[str, LoadResult, str]],
    baselines: Mapping[str, Mapping[str, LoadResult]],
) -> None:
    """The results as a markdown table: each (load, result, baseline key) with its ratios to
    the baselines measured for that load shape, then the baseline rows themselves."""
    print(
        "| load | server | requests | errors | req/s | median | p99 | max | load avg "
        "| req/s ÷ static / strawberry | p99 ÷ static / strawberry |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for load, result, shape in rows:
        print(result.row(load, "socialaid", baselines[shape]))
    for shape, results in baselines.items():
        for name, result in results.items():
            print(result.row(shape, name))


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
    result.load_average = os.getloadavg()[0]
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
    result.load_average = os.getloadavg()[0]
    return result


def graphql_body(query: str, variables: dict[str, object] | None = None) -> bytes:
    return json.dumps({"query": query, "variables": variables or {}}).encode()


def distinct_bodies(body: bytes) -> BodyFactory:
    """The same query with a comment in front that no other request has (this factory's own
    random tag and a number): a distinct body per request, which misses the public response
    cache (keyed by the body, and holding the last 512), so the query is executed every time."""
    tag = uuid.uuid4().hex[:12]

    def make(n: int) -> tuple[bytes, dict[str, str]]:
        return body.replace(b'{"query": "', f'{{"query": "# {tag} {n}\\n'.encode(), 1), {}

    return make


def one_and_many_clients(
    base: str, request: BodyFactory, answer: bytes, *, clients: int, seconds: float
) -> tuple[list[tuple[str, LoadResult, str]], dict[str, dict[str, LoadResult]]]:
    """`request` against the server at 1 client and at `clients`, each followed by the same load
    against the two baselines (static JSON answering `answer`, bare strawberry): print_table's
    rows and baselines."""
    asyncio.run(closed_loop(base, "/graphql", request, clients=2, seconds=3))  # warm-up
    rows: list[tuple[str, LoadResult, str]] = []
    baselines: dict[str, dict[str, LoadResult]] = {}
    with baseline_servers(answer) as baseline:
        for n in (1, clients):
            shape = f"{n} client{'s' if n > 1 else ''}, {seconds:g} s"

            def load(url: str, make: BodyFactory, check: Check | None = None, n: int = n) -> Any:
                return closed_loop(url, "/graphql", make, clients=n, seconds=seconds, check=check)

            rows.append((shape, asyncio.run(load(base, request)), shape))
            baselines[shape] = baseline.run(load, request)
    return rows, baselines


def cached_and_uncached(
    base: str, body: bytes, *, clients: int, seconds: float, single_seconds: float = 5.0
) -> tuple[list[tuple[str, LoadResult, str]], dict[str, dict[str, LoadResult]], int]:
    """A public query (served by the response cache) at `clients` and at 1 client, each with the
    two baselines right after it; then the same two loads with a distinct body per request.
    Returns the table's rows, the baselines and the size of the response in bytes."""
    same: BodyFactory = lambda _: (body, {})  # noqa: E731
    asyncio.run(closed_loop(base, "/graphql", same, clients=clients, seconds=3))  # warm-up
    static_body = fetch(base, "/graphql", body)
    shapes = {
        f"{clients} clients, {seconds:g} s": (clients, seconds),
        f"1 client, {single_seconds:g} s": (1, single_seconds),
    }

    def shape_load(n: int, s: float) -> Load:
        def load(url: str, make: BodyFactory, check: Check | None = None) -> Any:
            return closed_loop(url, "/graphql", make, clients=n, seconds=s, check=check)

        return load

    rows: list[tuple[str, LoadResult, str]] = []
    baselines: dict[str, dict[str, LoadResult]] = {}
    with baseline_servers(static_body) as baseline:
        for shape, (n, s) in shapes.items():
            load = shape_load(n, s)
            rows.append((f"{shape}, response cache", asyncio.run(load(base, same, None)), shape))
            baselines[shape] = baseline.run(load, same)
    for shape, (n, s) in shapes.items():
        result = asyncio.run(shape_load(n, s)(base, distinct_bodies(body), None))
        rows.append((f"{shape}, distinct bodies (executed each time)", result, shape))
    return rows, baselines, len(static_body)


@dataclass
class WrkResult:
    """What wrk reports for one load: requests, non-2xx answers, throughput, latency percentiles."""

    requests: int
    errors: int
    per_second: float
    percentiles_ms: dict[int, float]
    load_average: float

    def ratio_row(self, name: str, baseline: WrkResult | None, baseline_name: str = "") -> str:
        cells = [
            name,
            f"{self.requests:,}",
            str(self.errors),
            f"{self.per_second:,.0f}",
            f"{self.percentiles_ms[50]:.2f} ms",
            f"{self.percentiles_ms[99]:.2f} ms",
            f"{self.load_average:.1f}",
        ]
        if baseline is not None:
            cells += [
                baseline_name,
                f"{self.per_second / baseline.per_second:.2f}",
                f"{self.percentiles_ms[99] / baseline.percentiles_ms[99]:.2f}",
            ]
        else:
            cells += ["", "", ""]
        return "| " + " | ".join(cells) + " |"


WRK_TABLE_HEAD = (
    "| request | requests | non-2xx | req/s | median | p99 | load avg | baseline "
    "| req/s ÷ baseline | p99 ÷ baseline |\n|---|---|---|---|---|---|---|---|---|---|"
)
_WRK_SCRIPT = """
local f = assert(io.open(os.getenv("BENCH_WRK_BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
"""


def _milliseconds(text: str) -> float:
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * factor
    return float(text)


def wrk_load(
    base_url: str,
    body: bytes,
    headers: Mapping[str, str] | None = None,
    *,
    connections: int = 20,
    seconds: float = 15,
    threads: int = 1,
) -> WrkResult:
    """`connections` keep-alive connections POSTing `body` to /graphql for `seconds`, by wrk
    (one thread: the machine has two cores and the server needs the other)."""
    with tempfile.TemporaryDirectory(prefix="bench-wrk-") as folder:
        body_file, script = Path(folder) / "body.json", Path(folder) / "post.lua"
        body_file.write_bytes(body)
        script.write_text(_WRK_SCRIPT)
        command = ["wrk", "--latency", "-t", str(threads), "-c", str(connections)]
        command += ["-d", f"{seconds:g}s", "-s", str(script)]
        for name, value in (headers or {}).items():
            command += ["-H", f"{name}: {value}"]
        output = subprocess.run(
            [*command, f"{base_url}/graphql"],
            env={**os.environ, "BENCH_WRK_BODY": str(body_file)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    percentiles: dict[int, float] = {}
    requests, errors, rate = 0, 0, 0.0
    for line in output.splitlines():
        fields = line.split()
        if len(fields) == 2 and fields[0] in ("50%", "75%", "90%", "99%"):
            percentiles[int(fields[0][:-1])] = _milliseconds(fields[1])
        elif "requests in" in line:
            requests = int(fields[0])
        elif line.startswith("Non-2xx"):
            errors = int(fields[-1])
        elif line.startswith("Requests/sec:"):
            rate = float(fields[1])
    return WrkResult(requests, errors, rate, percentiles, os.getloadavg()[0])
