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
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_catalogue import CATALOGUE_QUERY
from bench.http_load import REPO, LoadResult, closed_loop, graphql_body, machine, running_server

SECRET = "bench-metrics-secret-not-for-production"
TENANT = "310105"
HEADER = (
    "| load | server | requests | errors | req/s | median | p99 | max | load avg |\n"
    "|---|---|---|---|---|---|---|---|---|"
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
    args = parser.parse_args()
    loads = {
        "cached catalogue": (graphql_body(CATALOGUE_QUERY, {"tenant": TENANT}), {}),
        "`{ me { roles } }` with token": (
            graphql_body("{ me { roles } }"),
            {"Authorization": f"Bearer {token()}"},
        ),
    }
    variants = {"metrics on": "true", "metrics off": "false"}
    results: dict[tuple[str, str], list[LoadResult]] = {}
    with ExitStack() as stack:
        servers = {
            name: stack.enter_context(
                running_server(
                    REPO
                    / ".data"
                    / f"bench-metrics-{value.replace('true', 'on').replace('false', 'off')}",
                    {"SOCIALAID_SECRET": SECRET, "SOCIALAID_METRICS": value},
                    ("--workers", str(args.workers)),
                )
            )
            for name, value in variants.items()
        }
        for load, (body, headers) in loads.items():

            def make(
                _: int, body: bytes = body, headers: dict[str, str] = headers
            ) -> tuple[bytes, dict[str, str]]:
                return body, headers

            for server in servers.values():  # warm up: caches, pools, verified token
                asyncio.run(closed_loop(server.base, "/graphql", make, clients=4, seconds=2))
            for _ in range(args.rounds):
                for name, server in servers.items():
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
    print(f"machine: {machine()}")
    print(
        f"{args.clients} clients, {args.seconds:g} s a load, {args.rounds} rounds, --workers {args.workers}"
    )
    print(HEADER)
    for (load, name), runs in results.items():
        for number, result in enumerate(runs, 1):
            # Without baselines the row ends in two empty ratio cells: not in this table.
            print(result.row(load, f"{name} (round {number})").removesuffix("  |  |"))
    print()
    print("| load | req/s on / off | p99 on / off |")
    print("|---|---|---|")
    for load in loads:
        on, off = results[(load, "metrics on")], results[(load, "metrics off")]
        rates = [a.per_second / b.per_second for a, b in zip(on, off, strict=True)]
        p99s = [a.percentile(99) / b.percentile(99) for a, b in zip(on, off, strict=True)]
        print(
            f"| {load} | {statistics.median(rates):.3f} ({', '.join(f'{r:.3f}' for r in rates)}) "
            f"| {statistics.median(p99s):.3f} ({', '.join(f'{r:.3f}' for r in p99s)}) |"
        )


if __name__ == "__main__":
    main()
