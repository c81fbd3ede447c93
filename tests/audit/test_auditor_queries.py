"""Auditors query histories across departments, within their jurisdiction, and only they may."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.access.people import person
from tests.audit.history import add_event
from tests.graphql_client import error_codes, execute, query_data
from tests.identity_numbers import id_number

EVENTS = """query($f: AuditEventFilter!, $first: Int, $after: String) {
  auditEvents(filter: $f, first: $first, after: $after) {
    edges { cursor node { tenantCode sequence action actor department applicationId } }
    pageInfo { hasNextPage endCursor }
} }"""
PERSON = """query($id: String!, $after: String) { personHistory(idNumber: $id) {
  applications { applicationId tenantCode eventCount departments actions }
  events(first: 2, after: $after) {
    edges { node { tenantCode sequence applicationId } } pageInfo { hasNextPage endCursor }
  }
} }"""
APPLICATION = """query($id: ID!) { applicationHistory(id: $id) {
  applicationId tenantCode departments
  events { sequence action department before after changes { field before after } }
} }"""
SHANGHAI = person("310000", Role.AUDITOR, user="auditor-sh")
CHANGNING = person("310105", Role.AUDITOR, user="auditor-cn")
SHANXI = person("140000", Role.AUDITOR, user="auditor-sx")
APPLICANT = id_number("310105", sequence=321)
NEIGHBOUR = id_number("310105", sequence=654)
T0 = datetime(2026, 3, 1, 9, tzinfo=UTC)


@dataclass(frozen=True)
class Given:
    tenant: str
    sequence: int
    action: str
    actor: str
    department: str
    application: str | None
    id_number: str | None
    at: datetime


async def history(db: Database) -> list[Given]:
    """One applicant's applications in Changning (three departments), Shanghai and Shanxi, and
    a neighbour's in Changning, one event a day."""
    plan = [
        ("310105", "application.submit", "clerk-1", "one_door", "cn-1", APPLICANT),
        ("310105", "triage.accept", "clerk-1", "one_door", "cn-1", APPLICANT),
        ("310105", "case.decide", "worker-ca", "civil_affairs", "cn-1", APPLICANT),
        ("310105", "case.decide", "worker-ms", "medical_security", "cn-1", APPLICANT),
        ("310105", "application.submit", "clerk-2", "one_door", "cn-2", NEIGHBOUR),
        ("310105", "case.decide", "worker-ca", "civil_affairs", "cn-2", NEIGHBOUR),
        ("310000", "application.submit", "clerk-sh", "one_door", "sh-1", APPLICANT),
        ("310000", "case.decide", "worker-sh", "civil_affairs", "sh-1", APPLICANT),
        ("140000", "application.submit", "clerk-sx", "one_door", "sx-1", APPLICANT),
    ]
    given = []
    for day, (tenant, action, actor, department, application, who) in enumerate(plan):
        at = T0 + timedelta(days=day)
        status = action.split(".")[1]
        sequence = await add_event(
            db,
            tenant=tenant,
            action=action,
            actor=actor,
            department=department,
            application=application,
            id_number=who,
            at=at,
            before={"status": "previous", "department": department},
            after={"status": status, "department": department},
        )
        given.append(Given(tenant, sequence, action, actor, department, application, who, at))
    return given


async def listed(
    db: Database, f: dict[str, Any], actor: Principal = SHANGHAI
) -> list[tuple[str, int]]:
    """The events listed, without the records of earlier audit queries (themselves history)."""
    data = await query_data(db, EVENTS, {"f": f, "first": 100}, actor=actor)
    return [
        (e["node"]["tenantCode"], e["node"]["sequence"])
        for e in data["auditEvents"]["edges"]
        if e["node"]["action"] != "audit.read"
    ]


def newest_first(events: list[Given]) -> list[tuple[str, int]]:
    return [(g.tenant, g.sequence) for g in sorted(events, key=lambda g: g.at, reverse=True)]


FILTERS = {
    "department": ({"department": "civil_affairs"}, lambda g: g.department == "civil_affairs"),
    "actor": ({"actor": "worker-ca"}, lambda g: g.actor == "worker-ca"),
    "action": ({"action": "case.decide"}, lambda g: g.action == "case.decide"),
    "application": ({"application": "cn-2"}, lambda g: g.application == "cn-2"),
    "applicant": ({"applicantIdNumber": NEIGHBOUR}, lambda g: g.id_number == NEIGHBOUR),
    "period": (
        {"from": (T0 + timedelta(days=1)).isoformat(), "to": (T0 + timedelta(days=3)).isoformat()},
        lambda g: T0 + timedelta(days=1) <= g.at < T0 + timedelta(days=3),
    ),
    # Without an offset a time is China time (UTC+8): 17:00 there is T0's 09:00 UTC.
    "period in China time": (
        {"from": "2026-03-02T17:00:00", "to": "2026-03-04T17:00:00"},
        lambda g: T0 + timedelta(days=1) <= g.at < T0 + timedelta(days=3),
    ),
}


@pytest.mark.parametrize("name", sorted(FILTERS))
async def test_each_filter_narrows_the_changning_history(db: Database, name: str) -> None:
    given = await history(db)
    condition, keep = FILTERS[name]
    expected = newest_first([g for g in given if g.tenant == "310105" and keep(g)])
    assert expected and len(expected) < len([g for g in given if g.tenant == "310105"])
    assert await listed(db, {"tenant": "310105", **condition}) == expected


async def test_filters_combine_and_an_id_number_is_matched_in_any_spelling(db: Database) -> None:
    given = await history(db)
    expected = newest_first(
        [
            g
            for g in given
            if g.tenant == "310105" and g.id_number == APPLICANT and g.action == "case.decide"
        ]
    )
    f = {"tenant": "310105", "applicantIdNumber": f" {APPLICANT.lower()} ", "action": "case.decide"}
    assert await listed(db, f) == expected and len(expected) == 2


async def test_a_shanghai_auditor_sees_changning_and_a_changning_auditor_not_shanghai(
    db: Database,
) -> None:
    given = await history(db)
    shanghai_only = newest_first([g for g in given if g.tenant == "310000"])
    with_changning = newest_first([g for g in given if g.tenant in {"310000", "310105"}])
    assert await listed(db, {"tenant": "310000"}) == shanghai_only
    assert await listed(db, {"tenant": "310000", "includeDescendants": True}) == with_changning
    assert await listed(db, {"tenant": "310105"}, CHANGNING) == newest_first(
        [g for g in given if g.tenant == "310105"]
    )
    for tenant in ("310000", "140000"):
        codes = await error_codes(db, EVENTS, {"f": {"tenant": tenant}}, actor=CHANGNING)
        assert codes == ["FORBIDDEN"]


async def test_pages_follow_each_other_without_gaps_or_repeats(db: Database) -> None:
    given = await history(db)
    f = {"tenant": "310000", "includeDescendants": True}
    seen: list[tuple[str, int]] = []
    after = None
    pages = 0
    while True:
        data = await query_data(db, EVENTS, {"f": f, "first": 2, "after": after}, actor=SHANGHAI)
        page = data["auditEvents"]
        seen += [(e["node"]["tenantCode"], e["node"]["sequence"]) for e in page["edges"]]
        pages += 1
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
        assert after == page["edges"][-1]["cursor"]
    assert seen == newest_first([g for g in given if g.tenant in {"310000", "310105"}])
    assert pages == 4  # 8 events, 2 a page
    codes = await error_codes(db, EVENTS, {"f": f, "after": "not-a-cursor"}, actor=SHANGHAI)
    assert codes == ["INVALID_INPUT"]


async def test_a_person_history_spans_tenants_the_auditor_may_see(db: Database) -> None:
    given = await history(db)
    mine = [g for g in given if g.id_number == APPLICANT]

    async def person_history(actor: Principal) -> dict[str, Any]:
        return (await query_data(db, PERSON, {"id": APPLICANT}, actor=actor))["personHistory"]

    seen = await person_history(SHANGHAI)
    assert {
        (a["applicationId"], a["tenantCode"], a["eventCount"]) for a in seen["applications"]
    } == {
        (app, tenant, sum(1 for g in mine if g.application == app))
        for app, tenant in {(g.application, g.tenant) for g in mine if g.tenant != "140000"}
    }
    changning = next(a for a in seen["applications"] if a["applicationId"] == "cn-1")
    assert changning["departments"] == ["civil_affairs", "medical_security", "one_door"]
    assert [a["applicationId"] for a in (await person_history(CHANGNING))["applications"]] == [
        "cn-1"
    ]
    assert [a["applicationId"] for a in (await person_history(SHANXI))["applications"]] == ["sx-1"]
    # Its events page like any listing: newest first, two at a time.
    expected = newest_first([g for g in mine if g.tenant != "140000"])
    pages: list[tuple[str, int]] = []
    after = None
    while True:
        data = await query_data(db, PERSON, {"id": APPLICANT, "after": after}, actor=SHANGHAI)
        events = data["personHistory"]["events"]
        pages += [(e["node"]["tenantCode"], e["node"]["sequence"]) for e in events["edges"]]
        if not events["pageInfo"]["hasNextPage"]:
            break
        after = events["pageInfo"]["endCursor"]
    assert pages == expected


async def test_an_application_history_tells_its_story_across_departments_in_order(
    db: Database,
) -> None:
    given = await history(db)
    story = (await query_data(db, APPLICATION, {"id": "cn-1"}, actor=CHANGNING))[
        "applicationHistory"
    ]
    steps = [g for g in given if g.application == "cn-1"]
    assert story["tenantCode"] == "310105"
    assert story["departments"] == sorted({g.department for g in steps})
    assert [(e["sequence"], e["action"], e["department"]) for e in story["events"]] == [
        (g.sequence, g.action, g.department) for g in steps
    ]
    decided = story["events"][2]
    assert decided["before"] == {"status": "previous", "department": "civil_affairs"}
    assert decided["changes"] == [{"field": "status", "before": "previous", "after": "decide"}]
    codes = await error_codes(db, APPLICATION, {"id": "sx-1"}, actor=CHANGNING)
    assert codes == ["NOT_FOUND"]


ROOT_FIELDS = {
    "auditEvents": (EVENTS, {"f": {"tenant": "310105"}}),
    "personHistory": (PERSON, {"id": APPLICANT}),
    "applicationHistory": (APPLICATION, {"id": "cn-1"}),
    "auditVerify": ('query { auditVerify(tenant: "310105") { ok } }', {}),
}


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.ANALYST, Role.TENANT_ADMIN, Role.APPROVER])
async def test_staff_who_are_not_auditors_are_refused_every_audit_query(
    db: Database, role: Role
) -> None:
    await history(db)
    staff = person("310000", role, user="staff", departments=("civil_affairs",))
    for query, variables in ROOT_FIELDS.values():
        assert await error_codes(db, query, variables, actor=staff) == ["FORBIDDEN"]
        assert await error_codes(db, query, variables) == ["UNAUTHENTICATED"]


async def test_every_auditor_query_is_itself_recorded_without_the_id_number(
    db: Database,
) -> None:
    await history(db)
    for query, variables in ROOT_FIELDS.values():
        data, errors = await execute(db, query, variables, actor=SHANGHAI)
        assert errors == [] and data
    async with db.owner_session() as session:
        rows = (
            await session.execute(
                text(
                    "SELECT tenant_id, action, subject_type, after::text FROM audit_event"
                    " WHERE actor = 'auditor-sh' ORDER BY id"
                )
            )
        ).all()
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("310105", "audit.read", "audit_event"),
        ("310000", "audit.read", "person"),
        ("310105", "audit.read", "application"),
        ("310105", "audit.verify", "audit_chain"),
    ]
    assert all(APPLICANT not in r[3] for r in rows)
