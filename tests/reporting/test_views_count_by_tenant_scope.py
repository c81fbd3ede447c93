"""The views count what was submitted, by street, channel, state and China day, and a login sees
the tenants granted to it and those below them, no others."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from socialaid.db.bootstrap import owner_connection
from socialaid.db.database import Database
from tests.applications_api import flows
from tests.applications_api.test_illegal_moves import attempt, version
from tests.identity_numbers import id_number
from tests.reporting.logins import reporting_login
from tests.statistics.min_cell import set_min_cell

CHANGNING = "310105"
CHINA = ZoneInfo("Asia/Shanghai")


async def family_applies(db: Database, user: str, sequence: int, street: str) -> dict[str, Any]:
    answers = flows.shanghai_answers(id_number(CHANGNING, date(1982, 4, 2), sequence))
    applicant = await flows.applicant(db, CHANGNING, user=user)
    return await flows.apply(
        db, applicant, CHANGNING, flows.SHANGHAI_FAMILY, answers, area=street, key=user
    )


async def three_families(db: Database) -> None:
    """Two in 华阳路街道, accepted at the window (which opens their three cases): the first one's
    legal aid is approved, the second family withdraws; one in 江苏路街道, still waiting for the
    window (no case yet)."""
    clerk = await flows.window_clerk(db, CHANGNING, "huayanglu")
    deciding = await flows.accept(
        db, clerk, await family_applies(db, "citizen-1", 131, "huayanglu")
    )
    legal_aid = flows.case_of(deciding, "legal_aid")
    lawyer = await flows.caseworker(db, CHANGNING, legal_aid["department"]["code"])
    assert (await flows.decide(db, lawyer, legal_aid, "APPROVED"))["errors"] == []
    withdrawing = await flows.accept(
        db, clerk, await family_applies(db, "citizen-2", 157, "huayanglu")
    )
    await family_applies(db, "citizen-3", 173, "jiangsulu")
    actor = await flows.applicant(db, CHANGNING, user="citizen-2")
    errors = await attempt(
        db,
        "applicationWithdraw",
        "ApplicationWithdrawInput",
        version(withdrawing) | {"reason": "情况好转"},
        actor,
    )
    assert errors == []


async def china_days(db: Database) -> dict[str, date]:
    """Each applicant's submission day in China, from the stored instant."""
    connection = await owner_connection(db.owner_url)
    try:
        rows = await connection.fetch("SELECT owner, submitted_at FROM application")
    finally:
        await connection.close()
    return {r["owner"]: r["submitted_at"].astimezone(CHINA).date() for r in rows}


async def decision_day(db: Database) -> date:
    """The China day of the one decision, from the stored instant."""
    connection = await owner_connection(db.owner_url)
    try:
        decided_at = await connection.fetchval(
            "SELECT decision ->> 'decided_at' FROM application_case"
            " WHERE decision ->> 'decided_at' IS NOT NULL"
        )
    finally:
        await connection.close()
    return datetime.fromisoformat(decided_at).astimezone(CHINA).date()


async def test_counts_below_the_tenants_threshold_are_null(db: Database) -> None:
    await three_families(db)  # one family per row: every count is 1, under the default 5

    async with reporting_login(db, [CHANGNING]) as bi:
        applications = await bi.fetch("SELECT applications FROM reporting.applications_daily")
        cases = await bi.fetch("SELECT cases FROM reporting.cases_daily")
        events = await bi.fetch("SELECT events FROM reporting.timeline_daily")

    assert len(applications) == 3 and len(cases) == 6 and events
    assert {row[0] for row in [*applications, *cases]} == {None}
    assert {row[0] for row in events} <= {None} | set(range(5, 10_000))


async def test_applications_are_counted_per_street_channel_state_and_day(db: Database) -> None:
    await set_min_cell(db, CHANGNING, 1)  # every count shown: the test checks them all
    await three_families(db)
    day = await china_days(db)
    expected = Counter(
        {
            (CHANGNING, "huayanglu", "online", "accepted", day["citizen-1"]): 1,
            (CHANGNING, "huayanglu", "online", "withdrawn", day["citizen-2"]): 1,
            (CHANGNING, "jiangsulu", "online", "submitted", day["citizen-3"]): 1,
        }
    )
    async with reporting_login(db, [CHANGNING]) as bi:
        rows = await bi.fetch(
            "SELECT tenant_id, street_code, channel, application_state, submitted_on,"
            " applications FROM reporting.applications_daily"
        )
        cases = await bi.fetch(
            "SELECT street_code, item_code, case_state, cases FROM reporting.cases_daily"
        )
        decided = await bi.fetch(
            "SELECT item_code, outcome, decided_on, cases FROM reporting.cases_daily"
            " WHERE outcome IS NOT NULL"
        )
    counted: Counter[tuple[Any, ...]] = Counter()
    for row in rows:
        counted[tuple(row)[:5]] += row["applications"]
    assert counted == expected
    # Both accepted families asked for the same three items (education waits for dibao); the
    # withdrawn family's cases were withdrawn with it.
    by_state: Counter[tuple[str, str, str]] = Counter()
    for row in cases:
        by_state[(row["street_code"], row["item_code"], row["case_state"])] += row["cases"]
    assert by_state == Counter(
        {
            ("huayanglu", "dibao", "ready"): 1,
            ("huayanglu", "education_aid.compulsory", "waiting"): 1,
            ("huayanglu", "legal_aid", "approved"): 1,
            ("huayanglu", "dibao", "withdrawn"): 1,
            ("huayanglu", "education_aid.compulsory", "withdrawn"): 1,
            ("huayanglu", "legal_aid", "withdrawn"): 1,
        }
    )
    assert [tuple(row) for row in decided] == [("legal_aid", "approved", await decision_day(db), 1)]


async def test_a_login_sees_its_tenants_and_those_below_only(db: Database) -> None:
    await set_min_cell(db, CHANGNING, 1)  # every count shown: the test sums them
    await three_families(db)
    totals = {}
    for granted in ([CHANGNING], ["310000"], ["320281"], []):
        async with reporting_login(db, granted) as bi:
            totals[",".join(granted) or "none"] = await bi.fetchval(
                "SELECT coalesce(sum(applications), 0) FROM reporting.applications_daily"
            )
    assert totals == {"310105": 3, "310000": 3, "320281": 0, "none": 0}
