"""Issue 16: what tracing costs a request, off, on (socialaid's), and strawberry's stock extension.

    .venv/bin/python bench/bench_tracing.py [--clients 8] [--seconds 5] [--rounds 3]

Starts three servers of the real app (bench/traced_server.py: off, on, stock) on one embedded
database (.data/bench-tracing), one process each, and measures in rounds, each load against the
three servers one after the other (each round starting with the next one), so that noise on the
shared machine hits all three alike:

- the cached `catalogue(tenant: "310105")` (bench_catalogue's query; the public response cache
  answers it without executing anything);
- the same query with a distinct body per request (executed each time: 37 items; strawberry's
  extension makes 460 spans for it, one per resolver that is not a plain attribute; socialaid's
  the operation and its queries, 9 spans in a fresh process);
- `{ me { roles } }` with a caseworker's bearer token (never cached: it has a token; socialaid
  makes 2 spans for it, the operation and one query).

`--clients` keep-alive clients in a closed loop for `--seconds` per load and round. The table
gives each server's requests, req/s, median and p99 over all rounds, and its req/s and p99
divided by the tracing-off server's measured in the same rounds; and the CPU time the server's
process used per request (all its threads, the span processor's included; PostgreSQL's not),
which other jobs on a shared machine disturb far less than latency and throughput.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_catalogue import CATALOGUE_QUERY
from bench.http_load import (
    REPO,
    BodyFactory,
    LoadResult,
    _wait_ready,
    closed_loop,
    distinct_bodies,
    free_port,
    graphql_body,
    machine,
)
from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.config import Settings

SECRET = "bench-tracing-secret-not-for-production"
MODES = ("off", "on", "stock")
LABELS = {
    "off": "off",
    "on": "socialaid's (operation + queries)",
    "stock": "strawberry's OpenTelemetryExtension",
}


@contextmanager
def traced_server(mode: str, data_dir: Path) -> Iterator[tuple[str, int]]:
    port = free_port()
    environment = {
        **os.environ,
        "SOCIALAID_DATA_DIR": str(data_dir),
        "SOCIALAID_SECRET": SECRET,
        "SOCIALAID_ACCESS_LOG": "false",
    }
    environment.pop("DATABASE_URL", None)
    log_path = data_dir / f"server-{mode}.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                str(REPO / "bench" / "traced_server.py"),
                "--mode",
                mode,
                "--port",
                str(port),
            ],
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=REPO,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(base, process, log_path, 180)
        yield base, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


def cpu_seconds(pid: int) -> float:
    """CPU time the process has used so far, all its threads (the span processor's included)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def merged(results: list[LoadResult]) -> LoadResult:
    total = LoadResult()
    for result in results:
        total.latencies_ms += result.latencies_ms
        total.errors += result.errors
        total.seconds += result.seconds
    total.load_average = results[-1].load_average
    return total


def span_cost_us(repeats: int = 5, spans: int = 20_000) -> list[float]:
    """CPU microseconds to make, end and queue one database query's span (attributes included)
    in this process, with the servers' provider set-up; one figure per repeat."""
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor
    from opentelemetry.trace import SpanKind

    from bench.traced_server import DroppingExporter
    from socialaid.db.query_tracing import summarize

    provider = TracerProvider()
    provider.add_span_processor(BatchSpanProcessor(DroppingExporter()))
    tracer = provider.get_tracer("bench")
    statement = "SELECT tenant.tenant_id FROM tenant WHERE tenant.tenant_id = $1::VARCHAR"
    figures = []
    for _ in range(repeats):
        started = time.process_time()
        for _ in range(spans):
            summary = summarize(statement)
            tracer.start_span(
                summary.name, kind=SpanKind.CLIENT, attributes=summary.attributes()
            ).end()
        figures.append((time.process_time() - started) / spans * 1e6)
    provider.shutdown()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", default="", help="only the loads whose name contains this")
    args = parser.parse_args()
    data_dir = REPO / ".data" / "bench-tracing"
    data_dir.mkdir(parents=True, exist_ok=True)
    catalogue = graphql_body(CATALOGUE_QUERY, {"tenant": "310105"})
    token = mint_token(
        Settings(secret=SECRET),
        user="bench",
        tenant="310000",
        roles=[Role.CASEWORKER],
        departments=["civil_affairs"],
    )
    me = graphql_body("{ me { roles } }")
    loads: dict[str, BodyFactory] = {
        "cached catalogue(310105)": lambda _: (catalogue, {}),
        "catalogue(310105), executed each time": distinct_bodies(catalogue),
        "`{ me { roles } }` with a token": lambda _: (me, {"Authorization": f"Bearer {token}"}),
    }
    loads = {name: make for name, make in loads.items() if args.only in name}
    results: dict[tuple[str, str], list[LoadResult]] = {}
    cpu: dict[tuple[str, str], float] = {}
    with ExitStack() as stack:
        # The first one provisions the database and loads the seed data; then the others.
        servers = {"off": stack.enter_context(traced_server("off", data_dir))}
        for mode in MODES[1:]:
            servers[mode] = stack.enter_context(traced_server(mode, data_dir))
        for base, _ in servers.values():  # warm-up: caches, connections, compiled statements
            for make in loads.values():
                asyncio.run(closed_loop(base, "/graphql", make, clients=args.clients, seconds=1))
        for round_number in range(args.rounds):
            # Each round starts with another server: none is always the one measured right
            # after another's load (whose span processor may still be busy).
            shift = round_number % len(MODES)
            order = [*MODES[shift:], *MODES[:shift]]
            for load, make in loads.items():
                for mode in order:
                    base, pid = servers[mode]
                    before = cpu_seconds(pid)
                    result = asyncio.run(
                        closed_loop(
                            base, "/graphql", make, clients=args.clients, seconds=args.seconds
                        )
                    )
                    cpu[(load, mode)] = cpu.get((load, mode), 0.0) + cpu_seconds(pid) - before
                    results.setdefault((load, mode), []).append(result)
    print(f"machine: {machine()}")
    print(f"{args.clients} clients, {args.rounds} rounds of {args.seconds:g} s per load and server")
    print(
        "| load | tracing | requests | errors | req/s | median | p99 | server CPU per request "
        "| load avg | req/s ÷ off | p99 ÷ off | CPU ÷ off |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for load in loads:
        off = merged(results[(load, "off")])
        off_cpu = cpu[(load, "off")] / off.count
        for mode in MODES:
            result = merged(results[(load, mode)])
            per_request = cpu[(load, mode)] / result.count
            print(
                f"| {load} | {LABELS[mode]} | {result.count:,} | {result.errors} "
                f"| {result.per_second:,.0f} | {result.median:.2f} ms "
                f"| {result.percentile(99):.2f} ms | {per_request * 1000:.3f} ms "
                f"| {result.load_average:.1f} "
                f"| {result.per_second / off.per_second:.2f} "
                f"| {result.percentile(99) / off.percentile(99):.2f} "
                f"| {per_request / off_cpu:.2f} |"
            )
    figures = ", ".join(f"{f:.1f}" for f in span_cost_us())
    print(f"one query span, made, ended and queued in process: {figures} µs CPU (5 repeats)")


if __name__ == "__main__":
    main()
