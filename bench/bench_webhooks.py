"""Issue 19: webhooks — what the outbox adds to a submission, and deliveries per second.

    .venv/bin/python bench/bench_webhooks.py [--submissions 200] [--deliveries 2000]

Runs on its own embedded database (.data/bench-webhooks, migrated and seeded on first use),
in-process through the real schema (no HTTP in front of the API), with two local receivers
started as the HTTP benchmarks start their baselines (bench/baseline_apps.py: uvicorn, one
process): the static Starlette app, which reads the POST and answers 200, is the webhook receiver.

1. Added cost per submission: `applicationSubmit` (3 Changning items, household of 3) in blocks
   of 20, rotating through three states: webhooks off (`emit_move_events` replaced by a no-op:
   the code before issue 19's webhooks), on without a subscription (the fan-out INSERT finds
   none), and on with three subscriptions that all match (Shanghai's and Changning's
   administrators, Changning's civil-affairs system: three webhook_delivery rows written in the
   submission's transaction). Baseline in the same run: bare strawberry `{ hello }` executed
   in-process.
2. Deliveries per second: `--deliveries` pending rows for one subscription, emptied by
   `deliver_due` rounds (batch 50: claim, 50 concurrent signed POSTs, record). Baseline in the
   same run: the same number of signed bodies POSTed with the same httpx client and concurrency
   straight to the receiver, with no database (what HTTP alone costs).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.http_load import REPO, baseline_servers, machine

SECRET = "bench-webhooks-secret-not-for-production"
CHANGNING, SHANGHAI = "310105", "310000"
ITEMS = ["dibao", "education_aid.compulsory", "legal_aid"]
BLOCK = 20


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def summary(label: str, seconds: list[float]) -> str:
    ms = [s * 1000 for s in seconds]
    return (
        f"{label}: n={len(ms)} median {statistics.median(ms):.2f} ms,"
        f" p99 {percentile(ms, 99):.2f} ms"
    )


async def timed(call: Callable[[], Awaitable[Any]]) -> float:
    started = time.perf_counter()
    await call()
    return time.perf_counter() - started


async def run(args: argparse.Namespace, receiver: str) -> None:
    import strawberry
    from sqlalchemy import text
    from tests.applications_api.flows import shanghai_answers, submission, submit, uploads_for
    from tests.identity_numbers import id_number
    from tests.webhooks.helpers import CREATE

    from socialaid.access.authentication import Authenticator
    from socialaid.access.tokens import TokenClaims
    from socialaid.access.vocabulary import Role
    from socialaid.config import Settings
    from socialaid.db.database import Database
    from socialaid.db.provision import provision
    from socialaid.seeding import load_seed_data_if_empty
    from socialaid.webhooks.delivery import DeliveryOptions, deliver_due, new_client
    from socialaid.webhooks.envelope import Envelope, signed_headers

    settings = Settings(secret=SECRET)
    provisioned = await provision(settings)
    db = Database(provisioned.owner_url, SECRET)
    await load_seed_data_if_empty(db)
    authenticate = Authenticator(settings).principal_for

    async def who(user: str, tenant: str, role: Role, *departments: str) -> Any:
        return await authenticate(db, TokenClaims(user, tenant, (role,), departments, None))

    citizen = await who("bench-citizen", CHANGNING, Role.APPLICANT)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    materials = await uploads_for(db, CHANGNING, ITEMS, answers, citizen)
    subscribers = [
        (await who("bench-sh", SHANGHAI, Role.TENANT_ADMIN), SHANGHAI, None),
        (await who("bench-cn", CHANGNING, Role.TENANT_ADMIN), CHANGNING, None),
        (await who("bench-ca", CHANGNING, Role.INTEGRATION, "civil_affairs"), CHANGNING, None),
    ]
    from tests.graphql_client import execute

    async def one_submission() -> None:
        key = uuid.uuid4().hex
        await submit(
            db, citizen, submission(CHANGNING, ITEMS, answers, key, materials, area="huayanglu")
        )

    @strawberry.type
    class Query:
        @strawberry.field
        def hello(self) -> str:
            return "world"

    hello_schema = strawberry.Schema(query=Query)

    async def hello() -> None:
        result = await hello_schema.execute("{ hello }")
        assert result.errors is None

    async def clear_subscriptions() -> None:
        async with db.owner_session() as session, session.begin():
            await session.execute(text("DELETE FROM webhook_subscription"))

    for _ in range(10):  # warm the form cache, the parsed documents and the pools
        await one_submission()
    import socialaid.applications.moves as moves

    emit = getattr(moves, "emit_move_events")  # noqa: B009 - replaced and put back below

    async def emit_nothing(*_: object) -> None:
        return None

    off: list[float] = []
    without: list[float] = []
    with_three: list[float] = []
    baseline: list[float] = []
    blocks = max(1, args.submissions // BLOCK)
    for _ in range(blocks):
        await clear_subscriptions()
        setattr(moves, "emit_move_events", emit_nothing)  # noqa: B010
        off += [await timed(one_submission) for _ in range(BLOCK)]
        setattr(moves, "emit_move_events", emit)  # noqa: B010
        without += [await timed(one_submission) for _ in range(BLOCK)]
        for actor, tenant, _ in subscribers:
            data, errors = await execute(
                db,
                CREATE,
                {"i": {"tenant": tenant, "url": receiver, "events": ["APPLICATION_SUBMITTED"]}},
                settings,
                actor=actor,
            )
            assert not errors and data and not data["webhookSubscriptionCreate"]["errors"], data
        with_three += [await timed(one_submission) for _ in range(BLOCK)]
        baseline += [await timed(hello) for _ in range(BLOCK)]
    async with db.owner_session() as session:
        written = await session.scalar(text("SELECT count(*) FROM webhook_delivery"))
    print(f"machine: {machine()}; load average {os.getloadavg()[0]:.2f} at the end of part 1")
    print("1. applicationSubmit (3 items, household of 3), in-process through the schema")
    print("   " + summary("webhooks off", off))
    print("   " + summary("no subscription", without))
    print("   " + summary("3 matching subscriptions", with_three))
    print("   " + summary("baseline: bare strawberry { hello }", baseline))
    base = statistics.median(off)
    print(
        "   added per submission (medians): without a subscription"
        f" {(statistics.median(without) - base) * 1000:.2f} ms"
        f" ({statistics.median(without) / base:.3f}×), with three"
        f" {(statistics.median(with_three) - base) * 1000:.2f} ms"
        f" ({statistics.median(with_three) / base:.3f}×);"
        f" submission ÷ hello (medians): {base / statistics.median(baseline):.0f}× off,"
        f" {statistics.median(with_three) / statistics.median(baseline):.0f}× with three;"
        f" {written} deliveries written"
    )

    # 2. deliveries per second
    await clear_subscriptions()
    data, errors = await execute(
        db,
        CREATE,
        {"i": {"tenant": SHANGHAI, "url": receiver, "events": ["CASE_READY"]}},
        settings,
        actor=subscribers[0][0],
    )
    assert not errors and data is not None
    subscription_id = data["webhookSubscriptionCreate"]["subscription"]["databaseId"]
    async with db.owner_session() as session, session.begin():
        await session.execute(
            text(
                "INSERT INTO webhook_delivery (tenant_id, id, subscription_id, event, event_tenant,"
                " occurred_at, data, status, attempts, next_attempt_at)"
                " SELECT '310000', gen_random_uuid(), CAST(:s AS uuid), 'CASE_READY', '310105',"
                " now(), CAST(:d AS jsonb), 'pending', 0, now() FROM generate_series(1, :n)"
            ),
            {"s": subscription_id, "n": args.deliveries, "d": '{"state": "ready"}'},
        )
    options = DeliveryOptions.of(settings)
    client = new_client(options)
    started = time.perf_counter()
    rounds: list[float] = []
    delivered = 0
    while True:
        round_started = time.perf_counter()
        done = await deliver_due(db, options, client=client)
        if done.claimed == 0:
            break
        rounds.append(time.perf_counter() - round_started)
        delivered += done.delivered
    elapsed = time.perf_counter() - started
    envelope = Envelope(
        str(uuid.uuid4()), "CASE_READY", datetime.now(UTC), CHANGNING, {"state": "ready"}
    )

    async def post_one() -> None:
        now = datetime.now(UTC)
        body = envelope.body(sent_at=now, attempt=1)
        response = await client.post(
            receiver, content=body, headers=signed_headers(envelope, body, "whsec_x", now)
        )
        assert response.status_code == 200

    raw_started = time.perf_counter()
    for _ in range(args.deliveries // options.batch_size):
        await asyncio.gather(*(post_one() for _ in range(options.batch_size)))
    raw_elapsed = time.perf_counter() - raw_started
    await client.aclose()
    rate, raw_rate = delivered / elapsed, args.deliveries / raw_elapsed
    print(f"2. deliveries of {args.deliveries} pending rows, batch {options.batch_size}")
    print(
        f"   deliver_due: {delivered} delivered in {elapsed:.2f} s = {rate:.0f}/s;"
        f" {summary('per round', rounds)}"
    )
    print(
        f"   baseline: the same POSTs without the database: {raw_rate:.0f}/s;"
        f" outbox ÷ baseline {rate / raw_rate:.2f}"
    )
    print(f"   load average {os.getloadavg()[0]:.2f} at the end")
    await db.dispose()
    provisioned.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=200, help="per state, in blocks of 20")
    parser.add_argument("--deliveries", type=int, default=2000)
    args = parser.parse_args()
    os.environ["SOCIALAID_DATA_DIR"] = str(REPO / ".data" / "bench-webhooks")
    with baseline_servers(b"{}") as servers:
        asyncio.run(run(args, servers.static + "/graphql"))


if __name__ == "__main__":
    main()
