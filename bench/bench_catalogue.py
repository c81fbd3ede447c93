"""Issue 3: the full `catalogue(tenant: "310105")` query over HTTP at 20 concurrent clients.

    .venv/bin/python bench/bench_catalogue.py [--clients 20] [--seconds 30]

Starts `socialaid serve` on its own embedded database (.data/bench-catalogue; access log off),
loads the seed data, warms up, then measures `--clients` clients for `--seconds` and 1 client for
5 s, each followed by the same load against the two baselines (bench/baseline_apps.py: static JSON
returning the same response bytes, and bare strawberry `{ hello }`); then both loads again with a
distinct body per request, which the response cache cannot serve. Prints a markdown table with
each result's ratio to the baselines. Target: p99 ≤ 30 ms.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.http_load import (
    REPO,
    cached_and_uncached,
    graphql_body,
    machine,
    print_table,
    running_server,
)

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
    with running_server(REPO / ".data" / "bench-catalogue") as server:
        rows, baselines, size = cached_and_uncached(
            server.base, body, clients=args.clients, seconds=args.seconds
        )
    print(f"machine: {machine()}")
    print(f"catalogue({args.tenant}): a {size:,}-byte response")
    print_table(rows, baselines)
    cached = rows[0][1]
    print(json.dumps({"p99_ms": cached.percentile(99), "median_ms": cached.median}))


if __name__ == "__main__":
    main()
