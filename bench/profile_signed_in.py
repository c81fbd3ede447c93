"""Issue 20: where a signed-in trivial request spends its time, by cProfile.

    PYTHONPATH=src .venv/bin/python bench/profile_signed_in.py [--requests 3000] [--clients 20]
        [--query me|tenants|hello] [--top 30]

Runs the real app in this process, as `socialaid serve` builds it (change listeners running,
so grants and the content revision are cached as in production), on an embedded database
(.data/bench-profile, migrated and seeded on first use), and sends it `--requests` requests from
`--clients` concurrent clients through httpx's ASGI transport (no sockets, no uvicorn: only what
the app itself costs). `me` is `{ me { roles } }` with a bearer token; `tenants` is
`{ tenants { code } }` with a token; `catalogue` a district's catalogue with a token; `hello` is bare strawberry's `{ hello }` (the floor: a
one-field schema, no middleware). Prints the milliseconds of CPU per request and the functions
with the most time of their own, then the most time below them.

`--direct` calls the app's ASGI entry itself, one request after another (no httpx: its ASGI
transport looks up trio's module for every request, which filled the profile of a cached
request with the client's own work), so the CPU per request is the app's alone.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import pstats
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bench.http_load import REPO, machine

SECRET = "bench-profile-secret-not-for-production"
QUERIES = {
    "me": "{ me { roles } }",
    "tenants": "{ tenants { code } }",
    "catalogue": '{ catalogue(tenant: "310105") { items { code name department { name } } } }',
    "hello": "{ hello }",
}


async def real_app(data_dir: Path) -> Any:
    """The app with its listeners, on the embedded database (provisioned on first use)."""
    from socialaid.api.change_listeners import serving_with_listeners
    from socialaid.config import Settings
    from socialaid.db import migrate
    from socialaid.db.bootstrap import ensure_app_role
    from socialaid.db.database import Database
    from socialaid.db.embedded import EmbeddedPostgres
    from socialaid.seeding import load_seed_data_if_empty

    embedded = EmbeddedPostgres(data_dir)
    url = make_url(embedded.start())
    await ensure_app_role(url, SECRET)
    await migrate.upgrade(url)
    settings = Settings(secret=SECRET, access_log=False, data_dir=data_dir)
    db = Database.from_settings(url, settings)
    await load_seed_data_if_empty(db)
    async with db.owner_session() as session:
        await session.execute(text("SELECT 1"))
    return embedded, db, settings, serving_with_listeners(db, settings, url)


def hello_app() -> Any:
    sys.path.insert(0, str(REPO / "bench"))
    from bench.baseline_apps import hello_app as make

    return make()


async def drive(
    app: Any, body: dict[str, str], headers: dict[str, str], requests: int, clients: int
) -> float:
    """Send `requests` requests from `clients` concurrent clients; the seconds it took."""
    transport = httpx.ASGITransport(app=app)
    remaining = [requests]

    async def client(http: httpx.AsyncClient) -> None:
        while remaining[0] > 0:
            remaining[0] -= 1
            response = await http.post("/graphql", json=body, headers=headers)
            if response.status_code != 200 or "errors" in response.json():
                raise RuntimeError(response.text)

    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
        started = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        return time.perf_counter() - started


async def drive_direct(
    app: Any, body: dict[str, str], headers: dict[str, str], requests: int, _clients: int
) -> float:
    """`requests` POSTs handed to the app's ASGI callable one after another; the seconds taken."""
    payload = json.dumps(body).encode()
    header_list = [
        (b"host", b"bench"),
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
        *((k.lower().encode(), v.encode()) for k, v in headers.items()),
    ]

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": payload, "more_body": False}

    started = time.perf_counter()
    for _ in range(requests):
        sent: list[dict[str, Any]] = []

        async def send(message: dict[str, Any], sent: list[dict[str, Any]] = sent) -> None:
            sent.append(message)

        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "POST",
            "scheme": "http",
            "path": "/graphql",
            "raw_path": b"/graphql",
            "query_string": b"",
            "root_path": "",
            "headers": header_list,
            "client": ("127.0.0.1", 1),
            "server": ("127.0.0.1", 80),
            "state": {},
        }
        await app(scope, receive, send)
        if sent[0]["status"] != 200:
            raise RuntimeError(f"status {sent[0]['status']}")
    return time.perf_counter() - started


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--query", choices=sorted(QUERIES), default="me")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--save", type=Path, help="write the profile here (for pstats, snakeviz)")
    parser.add_argument(
        "--plain", action="store_true", help="only the CPU per request, no profiler"
    )
    parser.add_argument(
        "--direct", action="store_true", help="call the ASGI app itself, no HTTP client"
    )
    parser.add_argument(
        "--anonymous", action="store_true", help="without the bearer token (for comparison)"
    )
    args = parser.parse_args()
    from socialaid.access.tokens import mint_token
    from socialaid.access.vocabulary import Role
    from socialaid.config import Settings

    body = {"query": QUERIES[args.query]}
    headers: dict[str, str] = {}
    if args.query != "hello" and not args.anonymous:
        token = mint_token(
            Settings(secret=SECRET), user="bench", tenant="310105", roles=[Role.APPLICANT]
        )
        headers["Authorization"] = f"Bearer {token}"

    run = drive_direct if args.direct else drive

    async def measure(app: Any) -> tuple[float, cProfile.Profile]:
        await run(app, body, headers, 300, args.clients)  # warm-up: caches, pools
        profile = cProfile.Profile()
        cpu = time.process_time()
        if not args.plain:
            profile.enable()
        await run(app, body, headers, args.requests, args.clients)
        profile.disable()
        return (time.process_time() - cpu) / args.requests * 1000, profile

    if args.query == "hello":
        per_request, profile = await measure(hello_app())
    else:
        embedded, db, _, serving = await real_app(REPO / ".data" / "bench-profile")
        try:
            async with serving as app:
                per_request, profile = await measure(app)
        finally:
            await db.dispose()
            embedded.stop()
    if args.save is not None:
        profile.dump_stats(args.save)
    print(f"machine: {machine()}")
    mode = "cProfile off" if args.plain else "cProfile on"
    transport = "the ASGI app called directly" if args.direct else "httpx's ASGI transport"
    calls = pstats.Stats(profile).total_calls / args.requests if not args.plain else 0  # type: ignore[attr-defined]
    print(
        f"{args.query}{' anonymous' if args.anonymous else ''}: {per_request:.3f} ms of CPU per"
        f" request ({mode}, {transport}){f', {calls:,.0f} Python calls' if calls else ''}"
    )
    if args.plain:
        return
    for order in ("tottime", "cumtime"):
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out)
        stats.strip_dirs().sort_stats(order).print_stats(args.top)
        print(out.getvalue())


if __name__ == "__main__":
    asyncio.run(main())
