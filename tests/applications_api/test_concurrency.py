"""Retries and races: one idempotency key is one application; one case takes one decision."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import date

import pytest
from sqlalchemy import func, select

from socialaid.applications.models import Application
from socialaid.db.database import Database, Timeouts
from tests.applications_api.flows import (
    DECIDE,
    SHANGHAI_FAMILY,
    SUBMIT,
    accept,
    applicant,
    case_of,
    caseworker,
    shanghai_answers,
    submission,
    uploads_for,
    window_clerk,
)
from tests.conftest import TEST_SECRET
from tests.graphql_client import execute
from tests.identity_numbers import id_number

CHANGNING = "310105"
# Fifty requests queue for the pool's ten connections and then for one another's lock on the key:
# on a busy machine the last may wait longer than the defaults' 5 s, which is not what is tested.
PATIENT = Timeouts(connect=30.0, statement=30.0, idle_in_transaction=60.0, pool=60.0)


@pytest.fixture
async def patient_db(db: Database) -> AsyncIterator[Database]:
    """The test's database, through pools as small as `db`'s whose waits only a hang outlasts."""
    patient = Database(db.owner_url, TEST_SECRET, pool_size=5, timeouts=PATIENT)
    yield patient
    await patient.dispose()


async def applications_in_database(db: Database) -> int:
    async with db.owner_session() as session:
        return int(await session.scalar(select(func.count()).select_from(Application)) or 0)


async def test_fifty_concurrent_retries_with_one_key_make_one_application(
    patient_db: Database,
) -> None:
    db = patient_db
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    materials = await uploads_for(db, CHANGNING, SHANGHAI_FAMILY, answers, citizen)
    body = submission(CHANGNING, SHANGHAI_FAMILY, answers, "retry-key", materials, area="huayanglu")

    results = await asyncio.gather(
        *(execute(db, SUBMIT, {"i": body}, actor=citizen) for _ in range(50))
    )

    assert all(errors == [] for _, errors in results), [e for _, e in results if e][:1]
    payloads = [data["applicationSubmit"] for data, _ in results if data]
    assert all(p["errors"] == [] for p in payloads)
    assert len({p["application"]["id"] for p in payloads}) == 1
    assert sum(not p["replayed"] for p in payloads) == 1
    assert await applications_in_database(db) == 1


async def test_the_same_key_with_different_answers_is_a_conflict_not_a_second_application(
    db: Database,
) -> None:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    materials = await uploads_for(db, CHANGNING, SHANGHAI_FAMILY, answers, citizen)
    first = submission(CHANGNING, SHANGHAI_FAMILY, answers, "k", materials, area="huayanglu")
    changed = {**first, "answers": {**answers, "legal_aid": {"case_summary": "另一事由"}}}

    await execute(db, SUBMIT, {"i": first}, actor=citizen)
    data, _ = await execute(db, SUBMIT, {"i": changed}, actor=citizen)

    assert data is not None
    assert [e["code"] for e in data["applicationSubmit"]["errors"]] == ["CONFLICT"]
    assert await applications_in_database(db) == 1


async def test_two_concurrent_decisions_on_one_case_one_wins_one_gets_a_conflict(
    db: Database,
) -> None:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    materials = await uploads_for(db, CHANGNING, SHANGHAI_FAMILY, answers, citizen)
    body = submission(CHANGNING, SHANGHAI_FAMILY, answers, "k", materials, area="huayanglu")
    submitted, _ = await execute(db, SUBMIT, {"i": body}, actor=citizen)
    assert submitted is not None
    accepted = await accept(
        db,
        await window_clerk(db, CHANGNING, "huayanglu"),
        submitted["applicationSubmit"]["application"],
    )
    dibao = case_of(accepted, "dibao")
    first_clerk = await caseworker(db, CHANGNING, "civil_affairs")
    second_clerk = await caseworker(db, CHANGNING, "civil_affairs")
    version = {"id": dibao["id"], "lockVersion": dibao["lockVersion"]}
    approve = {**version, "outcome": "APPROVED", "amount": "1510.00", "periodMonths": 12}
    deny = {**version, "outcome": "DENIED", "reasons": ["收入超过标准"]}

    results = await asyncio.gather(
        execute(db, DECIDE, {"i": approve}, actor=first_clerk),
        execute(db, DECIDE, {"i": deny}, actor=second_clerk),
    )

    codes = sorted(
        tuple(e["code"] for e in data["caseDecide"]["errors"]) for data, _ in results if data
    )
    assert codes == [(), ("CONFLICT",)]


async def test_two_applicants_who_pick_the_same_key_each_get_their_own_application(
    db: Database,
) -> None:
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    ids = []
    for user in ("citizen-1", "citizen-2"):
        citizen = await applicant(db, CHANGNING, user=user)
        materials = await uploads_for(db, CHANGNING, ["legal_aid"], answers, citizen)
        body = submission(
            CHANGNING, ["legal_aid"], answers, "same-key", materials, area="huayanglu"
        )
        data, errors = await execute(db, SUBMIT, {"i": body}, actor=citizen)
        assert errors == [] and data is not None
        assert data["applicationSubmit"]["errors"] == []
        ids.append(data["applicationSubmit"]["application"]["id"])

    assert len(set(ids)) == 2 and await applications_in_database(db) == 2
