"""Work lists with keyset cursors, working-day deadlines and overdue flags, emergency mode, and
what each reader sees of an application's answers."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select, text, update
from sqlmodel import col

from socialaid.access.vocabulary import Role
from socialaid.applications.models import ApplicationCase
from socialaid.audit.models import AuditEvent
from socialaid.clock import CHINA, today_in_china
from socialaid.db.database import Database
from tests.applications_api.flows import (
    SHANGHAI_FAMILY,
    accept,
    applicant,
    apply,
    case_of,
    caseworker,
    shanghai_answers,
    submission,
    submit,
    window_clerk,
)
from tests.graphql_client import execute, principal, query_data
from tests.identity_numbers import id_number
from tests.sql_statements import statements_sent
from tests.today import THIS_MORNING

CHANGNING = "310105"
APPLICATIONS = """query($t: String!, $after: String) { applications(tenant: $t, first: 2, after: $after) {
  edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }"""
CASES = """query($f: CaseFilterInput!) { cases(filter: $f, first: 50) {
  edges { node { id itemCode state overdue dueAt department { code } } } } }"""
OVERRIDE = """mutation($i: CatalogueOverrideSetInput!) { catalogueOverrideSet(input: $i) {
  errors { code path } } }"""
EMERGENCY = """mutation($i: EmergencyModeSetInput!) { emergencyModeSet(input: $i) {
  errors { code path } emergencyMode { provision } } }"""
ANSWERS = "query($id: ID!) { application(id: $id) { answers } }"


def family_answers(sequence: int = 131) -> dict[str, Any]:
    return shanghai_answers(id_number("310105", date(1982, 4, 2), sequence))


async def accepted_family(db: Database, key: str = "k", sequence: int = 131) -> dict[str, Any]:
    citizen = await applicant(db, CHANGNING)
    submitted = await apply(
        db, citizen, CHANGNING, SHANGHAI_FAMILY, family_answers(sequence), area="huayanglu", key=key
    )
    return await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), submitted)


async def changning_promises_dibao_in(db: Database, working_days: int) -> None:
    """Changning's admin sets the promised limit the Shanghai document leaves open."""
    admin = await principal(db, user="admin", tenant=CHANGNING, roles=[Role.TENANT_ADMIN])
    patch = {"time_limits": {"statutory_working_days": None, "promised_working_days": working_days}}
    payload = await query_data(
        db,
        OVERRIDE,
        {
            "i": {
                "tenant": CHANGNING,
                "code": "dibao",
                "patch": patch,
                "effectiveFrom": today_in_china().isoformat(),
                "reason": "本区承诺办结时限",
            }
        },
        actor=admin,
    )
    assert payload["catalogueOverrideSet"]["errors"] == []


async def cases(db: Database, actor: Any, **filters: Any) -> list[dict[str, Any]]:
    data = await query_data(db, CASES, {"f": {"tenant": CHANGNING, **filters}}, actor=actor)
    return [edge["node"] for edge in data["cases"]["edges"]]


async def test_application_pages_follow_their_cursors_newest_first_without_repeats(
    db: Database,
) -> None:
    citizen = await applicant(db, CHANGNING)
    submitted: list[str] = []
    for n in range(5):
        application = await apply(
            db, citizen, CHANGNING, ["legal_aid"], family_answers(), area="huayanglu", key=f"k{n}"
        )
        submitted.append(application["id"])
    seen: list[str] = []
    after = None
    while True:
        page = (
            await query_data(db, APPLICATIONS, {"t": CHANGNING, "after": after}, actor=citizen)
        )["applications"]
        seen += [edge["node"]["id"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == submitted[::-1]  # newest first, each once, across the page boundaries
    stranger = await applicant(db, CHANGNING, user="citizen-2")
    theirs = await query_data(db, APPLICATIONS, {"t": CHANGNING, "after": None}, actor=stranger)
    assert theirs["applications"]["edges"] == []


async def test_a_caseworker_lists_only_its_departments_cases_and_filters_by_state(
    db: Database,
) -> None:
    await accepted_family(db)
    civil = await caseworker(db, CHANGNING, "civil_affairs")
    education = await caseworker(db, CHANGNING, "education")

    assert [c["itemCode"] for c in await cases(db, civil)] == ["dibao"]
    assert [c["itemCode"] for c in await cases(db, education)] == ["education_aid.compulsory"]
    assert await cases(db, education, status=["READY"]) == []
    assert len(await cases(db, education, status=["WAITING"])) == 1
    clerk = await window_clerk(db, CHANGNING, "huayanglu")
    assert len(await cases(db, clerk, area="huayanglu")) == 3
    assert await cases(db, clerk, area="xinhualu") == []


async def test_a_configured_promise_gives_a_working_day_deadline_and_late_cases_are_flagged(
    db: Database,
) -> None:
    await changning_promises_dibao_in(db, 20)
    accepted = await accepted_family(db)
    dibao = case_of(accepted, "dibao")
    due = datetime.fromisoformat(dibao["dueAt"])
    assert due - datetime.now(CHINA) > timedelta(days=20)  # 20 working days are more than 20 days
    civil = await caseworker(db, CHANGNING, "civil_affairs")
    assert await cases(db, civil, overdue=True) == []

    async with db.owner_session() as session, session.begin():  # the deadline passes
        await session.execute(
            update(ApplicationCase)
            .where(col(ApplicationCase.item_code) == "dibao")
            .values(due_at=datetime.now(CHINA) - timedelta(hours=1))
        )

    late = await cases(db, civil, overdue=True)
    assert [(c["itemCode"], c["overdue"]) for c in late] == [("dibao", True)]
    assert await cases(db, civil, overdue=False) == []


async def test_in_emergency_mode_a_personal_commitment_replaces_uploads_and_review_takes_48_hours(
    db: Database,
) -> None:
    admin = await principal(db, user="admin", tenant="310000", roles=[Role.TENANT_ADMIN])
    for provision in ("same_day_application_48h_review", "deferred_checks_and_materials"):
        switched = await query_data(
            db,
            EMERGENCY,
            {
                "i": {
                    "tenant": "310000",
                    "provision": provision,
                    "startsAt": THIS_MORNING,
                }
            },
            actor=admin,
        )
        assert switched["emergencyModeSet"]["errors"] == []
    citizen = await applicant(db, CHANGNING)
    body = submission(
        CHANGNING, ["dibao"], family_answers(), "k", [], area="huayanglu", personalCommitment=True
    )

    submitted = await submit(db, citizen, body)
    accepted = await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), submitted)

    due = datetime.fromisoformat(case_of(accepted, "dibao")["dueAt"])
    assert timedelta(hours=47) < due - datetime.now(CHINA) <= timedelta(hours=48)
    in_force = await query_data(db, '{ emergencyProvisions(tenant: "310105") }', actor=citizen)
    assert "same_day_application_48h_review" in in_force["emergencyProvisions"]


async def test_without_emergency_mode_missing_uploads_are_refused(db: Database) -> None:
    citizen = await applicant(db, CHANGNING)
    body = submission(
        CHANGNING, ["dibao"], family_answers(), "k", [], area="huayanglu", personalCommitment=True
    )
    data, _ = await execute(
        db,
        "mutation($i: ApplicationSubmitInput!) { applicationSubmit(input: $i) { errors { code path } } }",
        {"i": body},
        actor=citizen,
    )
    assert data is not None
    assert data["applicationSubmit"]["errors"] == [{"code": "INVALID_INPUT", "path": ["materials"]}]


async def test_an_analyst_sees_masked_identity_numbers_and_a_caseworkers_plain_read_is_audited(
    db: Database,
) -> None:
    accepted = await accepted_family(db)
    applicant_id = id_number("310105", date(1982, 4, 2), 131)
    analyst = await principal(db, user="analyst", tenant=CHANGNING, roles=[Role.ANALYST])
    civil = await caseworker(db, CHANGNING, "civil_affairs")

    masked = await query_data(db, ANSWERS, {"id": accepted["id"]}, actor=analyst)
    plain = await query_data(db, ANSWERS, {"id": accepted["id"]}, actor=civil)

    masked_id = masked["application"]["answers"]["applicant"]["id_number"]
    assert masked_id != applicant_id and masked_id.endswith(applicant_id[-4:])
    assert masked["application"]["answers"]["assets"]["bank_deposits"] == "***"
    assert plain["application"]["answers"]["applicant"]["id_number"] == applicant_id
    async with db.owner_session() as session:
        readers = (
            await session.execute(
                select(col(AuditEvent.actor)).where(
                    col(AuditEvent.action) == "sensitive.read",
                    col(AuditEvent.subject_id) == accepted["databaseId"],
                )
            )
        ).scalars()
        assert list(readers) == [civil.user_id]


async def test_masking_goes_by_the_role_that_reads_not_every_role_the_reader_holds(
    db: Database,
) -> None:
    accepted = await accepted_family(db)
    applicant_id = id_number("310105", date(1982, 4, 2), 131)
    # An analyst who is also a citizen (applicant) reads someone else's application as an analyst.
    both = await principal(
        db, user="analyst-2", tenant=CHANGNING, roles=[Role.ANALYST, Role.APPLICANT]
    )

    seen = await query_data(db, ANSWERS, {"id": accepted["id"]}, actor=both)

    masked_id = seen["application"]["answers"]["applicant"]["id_number"]
    assert masked_id != applicant_id and masked_id.endswith(applicant_id[-4:])


PAGE_OF_CASES_AND_TIMELINES = """query($n: Int!) { applications(tenant: "310105", first: $n) {
  edges { node { cases { itemCode } timeline { kind } } } } }"""


async def test_a_page_of_applications_loads_answers_cases_and_timelines_in_one_batch_each(
    db: Database,
) -> None:
    citizen = await applicant(db, CHANGNING)
    clerk = await window_clerk(db, CHANGNING, "huayanglu")
    for n in range(6):
        submitted = await apply(
            db, citizen, CHANGNING, ["legal_aid"], family_answers(), area="huayanglu", key=f"p{n}"
        )
        await accept(db, clerk, submitted)  # acceptance opens the cases
    statements: dict[int, list[str]] = {}
    for size in (2, 6):
        with statements_sent(db) as sent:
            listed = await query_data(db, PAGE_OF_CASES_AND_TIMELINES, {"n": size}, actor=citizen)
        statements[size] = sent
        nodes = [edge["node"] for edge in listed["applications"]["edges"]]
        assert [n["cases"] for n in nodes] == [[{"itemCode": "legal_aid"}]] * size
        assert all(n["timeline"][0]["kind"] == "APPLICATION_SUBMITTED" for n in nodes)
    # A batch is one query for the whole page, so three times the nodes cost no more statements.
    assert len(statements[6]) == len(statements[2])

    page = await query_data(
        db,
        """query { applications(tenant: "310105", first: 6) { edges { node { answers } } } }""",
        actor=citizen,
    )
    nodes = [edge["node"] for edge in page["applications"]["edges"]]
    assert len(nodes) == 6
    assert all(n["answers"]["applicant"]["name"] == "王强" for n in nodes)
    async with db.owner_session() as session:
        transactions = await session.execute(
            select(text("xmin::text"))
            .select_from(AuditEvent)
            .where(col(AuditEvent.action) == "sensitive.read")
        )
        assert len(set(transactions.scalars())) == 1  # one transaction recorded all 6 reads


async def test_a_second_mutation_in_one_document_sees_what_the_first_changed(
    db: Database,
) -> None:
    accepted = await accepted_family(db)
    dibao = case_of(accepted, "dibao")
    civil = await caseworker(db, CHANGNING, "civil_affairs")
    first = {"id": dibao["id"], "lockVersion": dibao["lockVersion"]}
    second = {
        "id": dibao["id"],
        "lockVersion": dibao["lockVersion"] + 1,
        "outcome": "APPROVED",
        "amount": "1510.00",
    }

    data = await query_data(
        db,
        """mutation($a: CaseActInput!, $b: CaseDecideInput!) {
          a: caseAcknowledge(input: $a) { application { cases { itemCode state } } }
          b: caseDecide(input: $b) { errors { code } application { cases { itemCode state } } }
        }""",
        {"a": first, "b": second},
        actor=civil,
    )

    assert data["b"]["errors"] == []
    states = {c["itemCode"]: c["state"] for c in data["b"]["application"]["cases"]}
    assert states["dibao"] == "APPROVED"
    assert states["education_aid.compulsory"] == "READY"


async def test_a_node_whose_form_is_gone_fails_alone_and_the_page_still_answers(
    db: Database,
) -> None:
    citizen = await applicant(db, CHANGNING)
    kept = await apply(
        db, citizen, CHANGNING, ["legal_aid"], family_answers(), area="huayanglu", key="a"
    )
    lost = await apply(
        db, citizen, CHANGNING, ["dibao"], family_answers(), area="huayanglu", key="b"
    )
    async with db.owner_session() as session, session.begin():
        await session.execute(
            text("DELETE FROM form_snapshot WHERE hash = :h"), {"h": lost["formHash"]}
        )

    data, errors = await execute(
        db,
        """query { applications(tenant: "310105", first: 10) { edges { node { id answers } } } }""",
        actor=citizen,
    )

    assert data is not None
    answers = {e["node"]["id"]: e["node"]["answers"] for e in data["applications"]["edges"]}
    assert answers[kept["id"]]["applicant"]["name"] == "王强"
    assert answers[lost["id"]] is None
    assert [e["extensions"]["code"] for e in errors] == ["NOT_FOUND"]
