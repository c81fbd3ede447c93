"""Issues 3 and 20: the full `catalogue(tenant: "310105")` query over HTTP at 20 concurrent
clients, anonymous and signed in, and signed-in trivial requests, beside their baselines.

    .venv/bin/python bench/bench_catalogue.py [--clients 20] [--seconds 15] [--rounds 2]
    .venv/bin/python bench/bench_catalogue.py --uncached [--seconds 30]   # issue 3's table

Starts `socialaid serve` on its own embedded database (.data/bench-catalogue; access log off),
loads the seed data, and the two baselines (bench/baseline_apps.py: static JSON returning the
catalogue's response bytes, and bare strawberry `{ hello }`). Then, by wrk (`--clients`
connections, one wrk thread, `--seconds` each, the whole sequence `--rounds` times, each round in
the same order so that the machine's other load falls on all alike): static JSON; the catalogue
anonymous; the catalogue with a bearer token; `{ tenants { code } }` with a token;
`{ me { roles } }` with a token; bare strawberry `{ hello }`. Prints a markdown table with each
result's ratio to its baseline (static JSON for the cached reads, bare strawberry for `me`) and
whether issue 20's targets are met: catalogue with a token ≥ 0.5 × static throughput and p99 ≤
2 × static p99; `me` ≥ 1.0 × bare strawberry throughput.

`--uncached`: issue 3's measurement instead (Python load generator): the cached query at
`--clients` and at 1 client, then with a distinct body per request, which the cache cannot serve.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.http_load import (
    REPO,
    WRK_TABLE_HEAD,
    WrkResult,
    baseline_servers,
    cached_and_uncached,
    fetch,
    graphql_body,
    machine,
    print_table,
    running_server,
    wrk_load,
)

SECRET = "bench-catalogue-secret-not-for-production"
ME = graphql_body("{ me { roles } }")
TENANTS = graphql_body("{ tenants { code } }")
HELLO = graphql_body("{ hello }")

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


def bearer() -> dict[str, str]:
    from socialaid.access.tokens import mint_token
    from socialaid.access.vocabulary import Role
    from socialaid.config import Settings

    token = mint_token(
        Settings(secret=SECRET), user="bench", tenant="310105", roles=[Role.APPLICANT]
    )
    return {"Authorization": f"Bearer {token}"}


def side_by_side(args: argparse.Namespace, body: bytes) -> None:
    """Issue 20's table: every load by wrk, baselines in the same run."""
    token = bearer()
    results: dict[str, list[WrkResult]] = {}
    with running_server(
        REPO / ".data" / "bench-catalogue", env={"SOCIALAID_SECRET": SECRET}
    ) as server:
        static_body = fetch(server.base, "/graphql", body)
        for request, headers in ((body, {}), (body, token), (ME, token), (TENANTS, token)):
            answer = fetch(server.base, "/graphql", request, headers)
            assert b'"errors"' not in answer, answer[:300]
        with baseline_servers(static_body) as baselines:
            loads = [
                ("static JSON (Starlette, same bytes)", baselines.static, body, {}),
                ("catalogue, anonymous", server.base, body, {}),
                ("catalogue, with a token", server.base, body, token),
                ("{ tenants { code } }, with a token", server.base, TENANTS, token),
                ("{ me { roles } }, with a token", server.base, ME, token),
                ("bare strawberry { hello }", baselines.hello, HELLO, {}),
            ]
            for _name, url, request, headers in loads:  # warm-up
                wrk_load(url, request, headers, connections=args.clients, seconds=2)
            for _ in range(args.rounds):
                for name, url, request, headers in loads:
                    results.setdefault(name, []).append(
                        wrk_load(
                            url, request, headers, connections=args.clients, seconds=args.seconds
                        )
                    )
    print(f"machine: {machine()}")
    print(f"catalogue({args.tenant}): a {len(static_body):,}-byte response (identity encoding)")
    print(
        f"wrk, {args.clients} connections, 1 thread, {args.seconds:g} s per load, {args.rounds} round(s)"
    )
    print(WRK_TABLE_HEAD)
    static, hello = "static JSON (Starlette, same bytes)", "bare strawberry { hello }"
    for round_ in range(args.rounds):
        for name, runs in results.items():
            base = hello if name.startswith("{ me") else static
            baseline = None if name in (static, hello) else results[base][round_]
            print(runs[round_].ratio_row(f"{name} (round {round_ + 1})", baseline, base))
    for round_ in range(args.rounds):
        catalogue, me = (
            results["catalogue, with a token"][round_],
            results["{ me { roles } }, with a token"][round_],
        )
        rate = catalogue.per_second / results[static][round_].per_second
        p99 = catalogue.percentiles_ms[99] / results[static][round_].percentiles_ms[99]
        me_rate = me.per_second / results[hello][round_].per_second
        print(
            f"round {round_ + 1}: catalogue with a token {rate:.2f} × static throughput "
            f"({'met' if rate >= 0.5 else 'NOT met'}, target ≥ 0.5), p99 {p99:.2f} × static "
            f"({'met' if p99 <= 2 else 'NOT met'}, target ≤ 2); me {me_rate:.2f} × bare strawberry "
            f"({'met' if me_rate >= 1.0 else 'NOT met'}, target ≥ 1.0)"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=None)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--tenant", default="310105")
    parser.add_argument("--uncached", action="store_true")
    args = parser.parse_args()
    body = graphql_body(CATALOGUE_QUERY, {"tenant": args.tenant})
    if not args.uncached:
        args.seconds = args.seconds or 15
        side_by_side(args, body)
        return
    args.seconds = args.seconds or 30
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
