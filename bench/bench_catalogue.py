"""Issue 3: the full `catalogue(tenant: "310105")` query over HTTP at 20 concurrent clients.

    .venv/bin/python bench/bench_catalogue.py [--clients 20] [--seconds 30]

Starts `socialaid serve` on its own embedded database (.data/bench-catalogue), loads the seed data,
warms up, then measures. Target: p99 ≤ 30 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.http_load import REPO, closed_loop, graphql_body, machine, running_server

CATALOGUE_QUERY = """
query($tenant: String!) {
  catalogue(tenant: $tenant) {
    tenantCode
    items {
      code name parentCode mode category
      children { code }
      department { code name }
      targetGroups { code name }
      timeLimit { statutoryWorkingDays promisedWorkingDays }
      legalBasis { title number }
      dependencies { requiresDecisionOf { items reason onDenied } excludes }
      provenance { owner origin overriddenBy }
    }
  }
}
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--tenant", default="310105")
    args = parser.parse_args()
    body = graphql_body(CATALOGUE_QUERY, {"tenant": args.tenant})

    def distinct(n: int) -> tuple[bytes, dict[str, str]]:
        return body.replace(b'{"query": "', f'{{"query": "# {n}\\n'.encode(), 1), {}

    with running_server(REPO / ".data" / "bench-catalogue") as base:
        asyncio.run(
            closed_loop(base, "/graphql", lambda _: (body, {}), clients=args.clients, seconds=3)
        )
        result = asyncio.run(
            closed_loop(
                base, "/graphql", lambda _: (body, {}), clients=args.clients, seconds=args.seconds
            )
        )
        single = asyncio.run(
            closed_loop(base, "/graphql", lambda _: (body, {}), clients=1, seconds=5)
        )
        # A distinct body per request misses the response cache: full GraphQL execution each time.
        uncached = asyncio.run(
            closed_loop(base, "/graphql", distinct, clients=args.clients, seconds=args.seconds / 2)
        )
        uncached_single = asyncio.run(closed_loop(base, "/graphql", distinct, clients=1, seconds=5))
    print(f"machine: {machine()}")
    print(f"catalogue({args.tenant}) {args.clients} clients: {result.summary()}")
    print(f"catalogue({args.tenant}) 1 client: {single.summary()}")
    print(f"catalogue({args.tenant}) uncached, {args.clients} clients: {uncached.summary()}")
    print(f"catalogue({args.tenant}) uncached, 1 client: {uncached_single.summary()}")
    print(json.dumps({"p99_ms": result.percentile(99), "median_ms": result.percentile(50)}))


if __name__ == "__main__":
    main()
