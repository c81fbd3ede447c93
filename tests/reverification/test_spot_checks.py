"""重残无业人员的不定期抽查 (长社救联办〔2021〕3号 三（二）4, "并根据需要进行不定期抽查"): the seed gives
no rate, so Changning declares `reverification_spot_check_rate` without a value. Unset, the job
draws nobody; set by the test, the job opens early the reviews of the benefits drawn this month —
each benefit whose SHA-256 score under the seed "<tenant>:<YYYY-MM>" is below the rate, computed
here by hand — with the trigger SPOT_CHECK and an audit event, and draws nobody twice a month."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from socialaid.db.database import Database
from tests.reverification.helpers import (
    ADVISER,
    CHANGNING,
    Clock,
    accepted_application,
    approve,
    reviews,
    run_job_on,
)
from tests.reverification.test_self_reports import set_parameter

pytestmark = pytest.mark.usefixtures("clock")
ITEM = "severe_disability_allowance"
RATE = "reverification_spot_check_rate"
# 一级肢体残疾、完全丧失劳动能力、生活不能自理、无养老金 (the allowance's conditions, 000 一（四）).
SEVERELY_DISABLED = {"receives_pension": False}
WITHOUT_WORK = {
    "age": 44,
    "disability_category": "physical",
    "disability_certificate_number": "31010519820402131411",
    "disability_grade": "grade_1",
    "labour_capacity": "none",
    "self_care_ability": "none",
}
MARCH = date(2027, 3, 10)  # between approval (2026-12-01) and the yearly review (2027-12-01)


async def families_with_the_allowance(
    db: Database, client: httpx.AsyncClient, count: int
) -> list[str]:
    """`count` Changning families approved for the allowance; their case ids."""
    for serial in range(count):
        application = await accepted_application(
            db, [ITEM], SEVERELY_DISABLED, person=WITHOUT_WORK, serial=131 + serial * 10
        )
        assert (await approve(db, client, application, ITEM))["errors"] == []
    async with db.owner_session() as session:
        rows = await session.execute(
            text("SELECT case_id FROM reverification WHERE item_code = :item"), {"item": ITEM}
        )
        return sorted(str(r[0]) for r in rows)


def drawn_by_hand(seed: str, rate: float, cases: list[str]) -> set[str]:
    def score(case: str) -> float:
        digest = hashlib.sha256(f"{seed}:{case}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2**64

    return {c for c in cases if score(c) < rate}


async def opened_cases(db: Database) -> dict[str, str]:
    async with db.owner_session() as session:
        rows = await session.execute(
            text("SELECT case_id, trigger FROM reverification WHERE state = 'due'")
        )
        return {str(case): trigger for case, trigger in rows}


async def spot_check_audits(db: Database) -> list[dict[str, Any]]:
    async with db.owner_session() as session:
        rows = await session.execute(
            text(
                "SELECT after, reason FROM audit_event"
                " WHERE action = 'reverification.spot_check' ORDER BY sequence"
            )
        )
        return [{"after": after, "reason": reason} for after, reason in rows]


async def test_without_a_rate_nobody_is_spot_checked(
    db: Database, client: httpx.AsyncClient, clock: Clock
) -> None:
    await families_with_the_allowance(db, client, 2)
    assert await run_job_on(db, clock, MARCH) == 0
    assert {r["state"] for r in await reviews(client, ADVISER)} == {"SCHEDULED"}
    assert await spot_check_audits(db) == []


async def test_a_rate_of_one_opens_every_benefit_once_a_month(
    db: Database, client: httpx.AsyncClient, clock: Clock
) -> None:
    cases = await families_with_the_allowance(db, client, 2)
    await set_parameter(client, RATE, 1)

    assert await run_job_on(db, clock, MARCH) == 2
    assert await opened_cases(db) == {c: "spot_check" for c in cases}
    due = await reviews(client, ADVISER, states=["DUE"])
    assert {(r["trigger"], r["dueOn"]) for r in due} == {("SPOT_CHECK", "2027-03-10")}
    audits = await spot_check_audits(db)
    assert [a["after"]["spot_check"] for a in audits] == [
        {"seed": "310105:2027-03", "rate": 1.0, "item": ITEM}
    ] * 2
    assert {a["reason"] for a in audits} == {"不定期抽查（001 三（二）4）"}
    # The same month again: both were opened this month, nobody is drawn twice.
    assert await run_job_on(db, clock, date(2027, 3, 20)) == 0


async def test_a_rate_of_zero_draws_nobody(
    db: Database, client: httpx.AsyncClient, clock: Clock
) -> None:
    await families_with_the_allowance(db, client, 2)
    await set_parameter(client, RATE, 0)
    assert await run_job_on(db, clock, MARCH) == 0
    assert await opened_cases(db) == {}


async def test_the_months_seed_names_the_benefits_drawn(
    db: Database, client: httpx.AsyncClient, clock: Clock
) -> None:
    cases = await families_with_the_allowance(db, client, 4)
    await set_parameter(client, RATE, 0.5)

    expected = drawn_by_hand(f"{CHANGNING}:2027-03", 0.5, cases)
    assert await run_job_on(db, clock, MARCH) == len(expected)
    assert set(await opened_cases(db)) == expected
    assert {r["trigger"] for r in await reviews(client, ADVISER, states=["DUE"])} <= {"SPOT_CHECK"}


async def test_other_items_reviews_are_not_spot_checked(
    db: Database, client: httpx.AsyncClient, clock: Clock
) -> None:
    application = await accepted_application(db, ["dibao"])
    await approve(
        db, client, application, "dibao", reverificationPeriod="stable_economic_situation"
    )
    await set_parameter(client, RATE, 1)
    assert await run_job_on(db, clock, MARCH) == 0
