"""Issue 20: where `applicationSubmit` (5 items, household of 4) spends its time.

    PYTHONPATH=src .venv/bin/python bench/profile_submit.py [--requests 400] [--clients 1]
        [--top 30] [--plain] [--save FILE]

Python and PostgreSQL separately. Runs the real app in this process as `socialaid serve` builds it
(listeners running, so the content revision and grants are cached as in production) on an
embedded database (.data/bench-profile, migrated and seeded on first use), and submits through
httpx's ASGI transport (no sockets, no uvicorn: only what the app costs) the submission of
bench/bench_submit.py, each with a new idempotency key. It prints

- the statements one submission sends (as the driver receives them) and their count;
- the CPU milliseconds per submission of this process, with the profiler off (`--plain`) or on;
- PostgreSQL's own time per statement over the run, from pg_stat_statements when the server has
  it loaded (the embedded one does not unless told: then it says so);
- the functions with the most time of their own, and the most time below them.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import hashlib
import io
import pstats
import sys
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from tests.sql_statements import statements_sent

from bench.bench_submit import ITEMS, SUBMIT, TENANT, answers
from bench.http_load import REPO, machine
from bench.profile_signed_in import SECRET, real_app

FORM = "query($t: String!, $i: [String!]!) { applicationForm(tenant: $t, items: $i) { hash } }"
CHECK = """query($h: String!, $a: JSON!) { applicationFormCheck(hash: $h, answers: $a) {
  ok materials { material subjectPath status } } }"""
UPLOAD_CREATE = """mutation($i: MaterialUploadCreateInput!) { materialUploadCreate(input: $i) {
  upload { id url headers } } }"""
UPLOAD_COMPLETE = """mutation($i: MaterialUploadCompleteInput!) { materialUploadComplete(input: $i) {
  upload { state } } }"""


async def graphql(http: httpx.AsyncClient, query: str, variables: dict[str, Any]) -> Any:
    response = await http.post("/graphql", json={"query": query, "variables": variables})
    result = response.json()
    if response.status_code != 200 or result.get("errors"):
        raise RuntimeError(response.text[:500])
    return result["data"]


async def materials(http: httpx.AsyncClient, family: dict[str, Any]) -> list[dict[str, Any]]:
    """One complete upload, named by every material the form check asks to upload."""
    form_hash = (await graphql(http, FORM, {"t": TENANT, "i": ITEMS}))["applicationForm"]["hash"]
    check = (await graphql(http, CHECK, {"h": form_hash, "a": family}))["applicationFormCheck"]
    scan = b"%PDF-1.4\n% bench material\n%%EOF\n"
    declared = {
        "tenant": TENANT,
        "fileName": "scan.pdf",
        "contentType": "application/pdf",
        "byteSize": len(scan),
        "sha256": hashlib.sha256(scan).hexdigest(),
    }
    created = await graphql(http, UPLOAD_CREATE, {"i": declared})
    upload = created["materialUploadCreate"]["upload"]
    put = await http.put(
        httpx.URL(upload["url"]).raw_path.decode(), content=scan, headers=upload["headers"]
    )
    put.raise_for_status()
    await graphql(http, UPLOAD_COMPLETE, {"i": {"id": upload["id"]}})
    return [
        {"material": m["material"], "subject": m["subjectPath"], "reference": upload["id"]}
        for m in check["materials"]
        if m["status"] == "UPLOAD_REQUIRED"
    ]


async def submissions(
    http: httpx.AsyncClient,
    family: dict[str, Any],
    supplied: list[dict[str, Any]],
    requests: int,
    clients: int,
) -> None:
    remaining = [requests]

    async def client() -> None:
        while remaining[0] > 0:
            remaining[0] -= 1
            submission = {
                "tenant": TENANT,
                "channel": "ONLINE",
                "items": ITEMS,
                "answers": family,
                "materials": supplied,
                "area": "huayanglu",
                "idempotencyKey": uuid.uuid4().hex,
            }
            data = await graphql(http, SUBMIT, {"i": submission})
            if data["applicationSubmit"]["errors"]:
                raise RuntimeError(data["applicationSubmit"]["errors"])

    await asyncio.gather(*(client() for _ in range(clients)))


async def postgres_times(db: Any) -> list[tuple[int, float, str]] | None:
    """(calls, total ms, statement) per statement since the last reset, or None without the
    extension."""
    from sqlalchemy import text

    async with db.owner_session() as session:
        loaded = await session.scalar(text("SHOW shared_preload_libraries"))
        if "pg_stat_statements" not in str(loaded):
            return None
        await session.execute(text("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"))
        rows = await session.execute(
            text(
                "SELECT calls, total_exec_time, query FROM pg_stat_statements "
                "ORDER BY total_exec_time DESC LIMIT 25"
            )
        )
        return [(int(c), float(t), str(q)) for c, t, q in rows]


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=1)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--save", type=Path, help="write the profile here (pstats, snakeviz)")
    parser.add_argument("--plain", action="store_true", help="only the CPU, no profiler")
    args = parser.parse_args()
    from socialaid.access.tokens import mint_token
    from socialaid.access.vocabulary import Role
    from socialaid.config import Settings

    token = mint_token(
        Settings(secret=SECRET), user="bench-citizen", tenant=TENANT, roles=[Role.APPLICANT]
    )
    family = answers()
    embedded, db, _, serving = await real_app(REPO / ".data" / "bench-profile")
    try:
        async with serving as app:
            transport = httpx.ASGITransport(app=app)
            headers = {"Authorization": f"Bearer {token}"}
            async with httpx.AsyncClient(
                transport=transport, base_url="http://bench", headers=headers
            ) as http:
                supplied = await materials(http, family)
                await submissions(http, family, supplied, 30, args.clients)  # warm-up
                with statements_sent(db) as sent:
                    await submissions(http, family, supplied, 1, 1)
                profile = cProfile.Profile()
                cpu, wall = time.process_time(), time.perf_counter()
                if not args.plain:
                    profile.enable()
                await submissions(http, family, supplied, args.requests, args.clients)
                profile.disable()
                cpu_ms = (time.process_time() - cpu) / args.requests * 1000
                wall_ms = (time.perf_counter() - wall) / args.requests * 1000
            postgres = await postgres_times(db)
    finally:
        await db.dispose()
        embedded.stop()
    print(f"machine: {machine()}")
    print(f"statements of one submission: {len(sent)}")
    for statement in sent:
        print("   ", " ".join(statement.split())[:120])
    mode = "cProfile off" if args.plain else "cProfile on"
    print(
        f"applicationSubmit: {cpu_ms:.2f} ms of this process's CPU and {wall_ms:.2f} ms wall per"
        f" submission ({mode}, ASGI transport, {args.clients} client(s))"
    )
    if postgres is None:
        print("PostgreSQL statement times: pg_stat_statements is not loaded here")
    else:
        for calls, total, query in postgres:
            print(f"  {calls:>6} calls {total:9.1f} ms  {' '.join(query.split())[:100]}")
    if args.save is not None:
        profile.dump_stats(args.save)
    if args.plain:
        return
    for order in ("tottime", "cumtime"):
        out = io.StringIO()
        pstats.Stats(profile, stream=out).strip_dirs().sort_stats(order).print_stats(args.top)
        print(out.getvalue())


if __name__ == "__main__":
    asyncio.run(main())
