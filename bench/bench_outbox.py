"""Issue 19: the notification outbox — what it adds to a submission, and how fast the delivery
job empties it into the development sink.

    .venv/bin/python bench/bench_outbox.py [--submissions 200] [--notifications 5000]

In process, on its own embedded database (.data/bench-outbox), migrated and seeded:

1. `applicationSubmit` (3 Shanghai items, a household of 3) through the real schema and unit of
   work, in alternating blocks of 20 with the outbox write on (as shipped) and off
   (`moves.notify_applicant` replaced by a no-op), new idempotency key each; the same run also
   executes bare strawberry `{ hello }` as the baseline. Prints median and p99 per submission
   and the ratios (with / without; each / `{ hello }`).
2. `--notifications` pending rows put into the outbox, then `deliver_due` with the sink as the
   one channel: notifications delivered per second (three rounds).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import strawberry
from sqlalchemy import text
from tests.applications_api.flows import SHANGHAI_FAMILY, shanghai_answers, uploads_for
from tests.graphql_client import principal
from tests.identity_numbers import id_number

from bench.http_load import machine
from socialaid.api.schema import build_schema
from socialaid.applications import moves
from socialaid.config import Settings
from socialaid.db import migrate
from socialaid.db.bootstrap import create_database, drop_database, ensure_app_role
from socialaid.db.database import Database
from socialaid.db.embedded import EmbeddedPostgres
from socialaid.db.urls import with_database
from socialaid.kernel.context import Context
from socialaid.notifications.channels import SinkSender
from socialaid.notifications.delivery import deliver_due
from socialaid.seeding import load_seed_data

SECRET = "bench-outbox-secret-not-for-production"
TENANT = "310105"
BLOCK = 20
SUBMIT = """mutation($i: ApplicationSubmitInput!) { applicationSubmit(input: $i) {
  errors { code message } application { id } } }"""


@strawberry.type
class Hello:
    @strawberry.field
    def hello(self) -> str:
        return "world"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def row(name: str, values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return f"| {name} | {len(ms)} | {statistics.median(ms):.2f} ms | {percentile(ms, 99):.2f} ms |"


async def timed(work: Callable[[], Awaitable[Any]]) -> float:
    started = time.perf_counter()
    await work()
    return time.perf_counter() - started


async def without_outbox(*_args: Any, **_kwargs: Any) -> None:
    return None


async def main(submissions: int, notifications: int) -> None:
    from socialaid.access.vocabulary import Role

    data_dir = Path(".data/bench-outbox")
    embedded = EmbeddedPostgres(data_dir)
    server = embedded.start()
    name = f"bench_outbox_{uuid.uuid4().hex[:8]}"
    await create_database(server, name)
    url = with_database(server, name)
    try:
        await ensure_app_role(url, SECRET)
        await migrate.upgrade(url)
        db = Database(url, SECRET, pool_size=5)
        await load_seed_data(db)
        settings = Settings(secret=SECRET, data_dir=data_dir)
        schema = build_schema(settings)
        hello = strawberry.Schema(query=Hello)
        citizen = await principal(db, user="citizen-bench", tenant=TENANT, roles=[Role.APPLICANT])
        answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
        materials = await uploads_for(db, TENANT, SHANGHAI_FAMILY, answers, citizen)

        async def submit() -> None:
            key = uuid.uuid4().hex
            values = {
                "tenant": TENANT,
                "channel": "ONLINE",
                "items": SHANGHAI_FAMILY,
                "answers": answers,
                "idempotencyKey": key,
                "materials": materials,
                "area": "huayanglu",
            }
            context = Context(db=db, settings=settings, principal=citizen)
            result = await schema.execute(SUBMIT, {"i": values}, context_value=context)
            assert not result.errors and result.data is not None, result
            assert result.data["applicationSubmit"]["errors"] == [], result

        async def say_hello() -> None:
            result = await hello.execute("{ hello }")
            assert not result.errors

        for _ in range(10):  # warm the caches: form, catalogue, parsed documents
            await submit()
        shipped = moves.__dict__["notify_applicant"]
        timings: dict[str, list[float]] = {"with": [], "without": [], "hello": []}
        for block in range(submissions // BLOCK):
            on = block % 2 == 0
            setattr(moves, "notify_applicant", shipped if on else without_outbox)  # noqa: B010
            for _ in range(BLOCK):
                timings["with" if on else "without"].append(await timed(submit))
                timings["hello"].append(await timed(say_hello))
        setattr(moves, "notify_applicant", shipped)  # noqa: B010

        print(machine())
        print("| measurement | runs | median | p99 |\n|---|---|---|---|")
        print(row("applicationSubmit with the outbox write", timings["with"]))
        print(row("applicationSubmit without it", timings["without"]))
        print(row("bare strawberry `{ hello }`", timings["hello"]))
        med = {k: statistics.median(v) for k, v in timings.items()}
        p99 = {k: percentile(v, 99) for k, v in timings.items()}
        print(
            f"with/without: median ×{med['with'] / med['without']:.3f}"
            f" (+{(med['with'] - med['without']) * 1000:.2f} ms), p99 ×{p99['with'] / p99['without']:.3f};"
            f" with/hello median ×{med['with'] / med['hello']:.0f},"
            f" without/hello ×{med['without'] / med['hello']:.0f}"
        )

        with tempfile.TemporaryDirectory() as sink_dir:
            sink = SinkSender(Path(sink_dir) / "sink.jsonl")
            for round_ in range(3):
                async with db.owner_session() as session, session.begin():
                    await session.execute(text("UPDATE notification SET status = 'sent'"))
                    await session.execute(
                        text(
                            "INSERT INTO notification (tenant_id, application_id, kind, recipient,"
                            " text) SELECT a.tenant_id, a.id, 'submitted', a.owner,"
                            " '您的社会救助申请已提交，请留意后续办理进度。'"
                            " FROM application a, generate_series(1, :n) LIMIT :n"
                        ),
                        {"n": notifications},
                    )
                started = time.perf_counter()
                sent = await deliver_due(db, [sink])
                seconds = time.perf_counter() - started
                print(
                    f"delivery round {round_ + 1}: {sent} notifications in {seconds:.2f} s"
                    f" = {sent / seconds:.0f}/s"
                )
        await db.dispose()
    finally:
        await drop_database(server, name)
        embedded.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=200)
    parser.add_argument("--notifications", type=int, default=5000)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.submissions, arguments.notifications))
