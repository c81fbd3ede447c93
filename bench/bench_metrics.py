"""Issue 16: what counting requests for /metrics costs a request.

    .venv/bin/python bench/bench_metrics.py [--clients 16] [--seconds 8] [--rounds 3] [--workers 1]

Starts two `socialaid serve` side by side, each on its own embedded database (.data/bench-metrics-
on and -off; access log off): one with metrics on (the default), the baseline with
SOCIALAID_METRICS=false (no middleware, no operation extension, no /metrics). Then, `--rounds`
times, the same closed-loop load (`--clients` keep-alive clients for `--seconds`) against each, in
turn, for two requests: the cached `catalogue(tenant: "310105")` (the cheapest request the API
answers, so the largest relative cost) and `{ me { roles } }` with an applicant's token (through
GraphQL and authentication). Prints one markdown row per load and the median over the rounds of
each one's req/s and p99 relative to the baseline measured in the same round. With `--workers 2`
the metrics go through prometheus_client's multiprocess files (what `serve --workers` uses).

First, in fresh processes, the request-counting middleware alone around a bare ASGI app called
directly (CPU µs per request, best of five rounds, with and without it): the cost without HTTP,
the database or the machine's other load in the way, counting in memory and in multiprocess files.
`--middleware-only` prints just that figure for this process.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import urlopen

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bench.bench_catalogue import CATALOGUE_QUERY
from bench.http_load import (
    REPO,
    BodyFactory,
    LoadResult,
    closed_loop,
    graphql_body,
    machine,
    running_server,
)

SECRET = "bench-metrics-secret-not-for-production"
TENANT = "310105"
HEADER = (
    "| load | server | requests | errors | req/s | median | p99 | max | load avg | server CPU |\n"
    "|---|---|---|---|---|---|---|---|---|---|"
)


def token() -> str:
    from socialaid.access.tokens import mint_token
    from socialaid.config import Settings

    return mint_token(
        Settings(secret=SECRET), user="bench-citizen", tenant=TENANT, roles=["applicant"]
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--middleware-only", action="store_true", help="only the in-process measurement"
    )
    args = parser.parse_args()
    if args.middleware_only:
        print(f"{middleware_cost():.2f}")
        return
    in_memory, in_files = _middleware_costs()
    loads = {
        "cached catalogue": (graphql_body(CATALOGUE_QUERY, {"tenant": TENANT}), {}),
        "`{ me { roles } }` with token": (
            graphql_body("{ me { roles } }"),
            {"Authorization": f"Bearer {token()}"},
        ),
    }
    variants = {"metrics on": "on", "metrics off": "off"}
    results: dict[tuple[str, str], list[LoadResult]] = {}
    # The server processes' CPU time per answered request, in µs: on a machine shared with other
    # jobs, throughput and latency move with their load; the server's own CPU time far less.
    cpu: dict[tuple[str, str], list[float]] = {}
    with ExitStack() as stack:
        servers = {
            name: stack.enter_context(
                running_server(
                    REPO / ".data" / f"bench-metrics-{suffix}",
                    {"SOCIALAID_SECRET": SECRET, "SOCIALAID_METRICS": str(suffix == "on").lower()},
                    ("--workers", str(args.workers)),
                )
            )
            for name, suffix in variants.items()
        }
        for name, server in servers.items():  # each is what it says
            try:
                with urlopen(f"{server.base}/metrics", timeout=5) as response:
                    served = response.status == 200
            except HTTPError:
                served = False
            assert served == (name == "metrics on"), name
        for load, (body, headers) in loads.items():
            make = _constant(body, headers)
            for server in servers.values():  # warm up: caches, pools, verified token
                asyncio.run(closed_loop(server.base, "/graphql", make, clients=4, seconds=2))
            for _ in range(args.rounds):
                for name, server in servers.items():
                    with server.cpu() as used:
                        result = asyncio.run(
                            closed_loop(
                                server.base,
                                "/graphql",
                                make,
                                clients=args.clients,
                                seconds=args.seconds,
                            )
                        )
                    results.setdefault((load, name), []).append(result)
                    cpu.setdefault((load, name), []).append(used.server / result.count * 1e6)
    print(f"machine: {machine()}")
    print(f"{args.clients} clients, {args.seconds:g} s a load, {args.rounds} rounds")
    print(f"--workers {args.workers}")
    print(
        f"request counting alone (in process, around a bare ASGI app): +{in_memory:.2f} µs CPU"
        f" a request in memory, +{in_files:.2f} µs with PROMETHEUS_MULTIPROC_DIR"
    )
    print(HEADER)
    for (load, name), runs in results.items():
        for number, result in enumerate(runs, 1):
            # Without baselines the row ends in two empty ratio cells: not in this table.
            row = result.row(load, f"{name} (round {number})").removesuffix("  |  |")
            print(f"{row} {cpu[(load, name)][number - 1]:.0f} µs |")
    print()
    print("| load | req/s on / off | p99 on / off | server CPU per request, on − off |")
    print("|---|---|---|---|")
    for load in loads:
        on, off = results[(load, "metrics on")], results[(load, "metrics off")]
        rates = [a.per_second / b.per_second for a, b in zip(on, off, strict=True)]
        p99s = [a.percentile(99) / b.percentile(99) for a, b in zip(on, off, strict=True)]
        extra = [
            a - b
            for a, b in zip(cpu[(load, "metrics on")], cpu[(load, "metrics off")], strict=True)
        ]
        print(
            f"| {load} | {_spread(rates, '.3f')} | {_spread(p99s, '.3f')} | {_spread(extra, '+.0f')} µs |"
        )


def middleware_cost(requests: int = 200_000) -> float:
    """CPU µs the request-counting middleware adds to a request: a bare ASGI app called
    directly, with and without it, alternately, best of five rounds each."""
    from socialaid.api.request_metrics import RequestMetrics

    async def bare(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(_: Message) -> None:
        pass

    scope: Scope = {"type": "http", "path": "/graphql", "method": "POST", "headers": []}

    async def cpu_per_request(app: ASGIApp) -> float:
        started = time.process_time()
        for _ in range(requests):
            await app(scope, receive, send)
        return (time.process_time() - started) / requests * 1e6

    async def rounds() -> float:
        counted = RequestMetrics(bare)
        plain, wrapped = [], []
        for _ in range(5):
            plain.append(await cpu_per_request(bare))
            wrapped.append(await cpu_per_request(counted))
        return min(wrapped) - min(plain)

    return asyncio.run(rounds())


def _middleware_costs() -> tuple[float, float]:
    """`middleware_cost` in a fresh process, counting in memory and in multiprocess files."""
    command = [sys.executable, __file__, "--middleware-only"]
    environment = {k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"}
    in_memory = subprocess.run(command, env=environment, capture_output=True, check=True)
    with tempfile.TemporaryDirectory() as directory:
        environment["PROMETHEUS_MULTIPROC_DIR"] = directory
        in_files = subprocess.run(command, env=environment, capture_output=True, check=True)
    return float(in_memory.stdout), float(in_files.stdout)


def _constant(body: bytes, headers: dict[str, str]) -> BodyFactory:
    def make(_: int) -> tuple[bytes, dict[str, str]]:
        return body, headers

    return make


def _spread(values: list[float], style: str) -> str:
    """The median, then every round's value."""
    each = ", ".join(format(v, style) for v in values)
    return f"{format(statistics.median(values), style)} ({each})"


if __name__ == "__main__":
    main()
