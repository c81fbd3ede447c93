"""Relay pagination and links over real HTTP: PageInfo both ways, totalCount under the same
scope and filter as the page, and waitingOn emptied once a case no longer waits."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import text

from socialaid.db.database import Database
from tests.applications_api.flows import (
    accept,
    applicant,
    apply,
    caseworker,
    decide,
    shanghai_answers,
    window_clerk,
)
from tests.identity_numbers import id_number
from tests.relay.served import ADMIN, AREA, CHANGNING, CLERK, data
from tests.test_http import base_url  # noqa: F401 - the real app on a loopback port

GRANT = "mutation($i: RoleGrantInput!) { roleGrant(input: $i) { errors { code } } }"
ASSIGNMENTS = """query($after: String) {
  roleAssignments(tenant: "310105", first: 2, after: $after) {
    totalCount edges { cursor node { userId } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""


async def grant(url: str, tenant: str, user: str) -> None:
    role = {"tenant": tenant, "userId": user, "role": "ANALYST"}
    assert (await data(url, GRANT, {"i": role}, ADMIN))["roleGrant"]["errors"] == []


async def test_role_assignments_page_forward_with_full_page_info_and_total_count(
    base_url: str,  # noqa: F811
) -> None:
    for n in (1, 2, 3, 4, 5):
        await grant(base_url, CHANGNING, f"analyst-{n}")
    await grant(base_url, "310000", "analyst-city")  # above Changning: not in its list

    pages: list[dict[str, Any]] = []
    after = None
    while True:
        page = (await data(base_url, ASSIGNMENTS, {"after": after}, ADMIN))["roleAssignments"]
        pages.append(page)
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]

    assert [[e["node"]["userId"] for e in p["edges"]] for p in pages] == [
        ["analyst-1", "analyst-2"],
        ["analyst-3", "analyst-4"],
        ["analyst-5"],
    ]
    assert [p["totalCount"] for p in pages] == [5, 5, 5]
    assert [p["pageInfo"]["hasPreviousPage"] for p in pages] == [False, True, True]
    assert [p["pageInfo"]["hasNextPage"] for p in pages] == [True, True, False]
    for p in pages:
        assert p["pageInfo"]["startCursor"] == p["edges"][0]["cursor"]
        assert p["pageInfo"]["endCursor"] == p["edges"][-1]["cursor"]


async def test_total_count_follows_the_state_filter_and_the_callers_scope(
    db: Database,
    base_url: str,  # noqa: F811
) -> None:
    clerk = await window_clerk(db, CHANGNING, AREA)
    for n, user in enumerate(("citizen-1", "citizen-2", "citizen-3")):
        citizen = await applicant(db, CHANGNING, user=user)
        answers = shanghai_answers(id_number("310105", date(1980 + n, 4, 2), 131 + n))
        submitted = await apply(db, citizen, CHANGNING, ["dibao"], answers, area=AREA)
        if n == 0:
            await accept(db, clerk, submitted)
    query = """query($states: [ApplicationState!]) {
      applications(tenant: "310105", states: $states, first: 1) {
        totalCount edges { node { id } } pageInfo { hasNextPage } } }"""

    everything = (await data(base_url, query, {"states": None}, CLERK))["applications"]
    accepted = (await data(base_url, query, {"states": ["ACCEPTED"]}, CLERK))["applications"]
    own = (await data(base_url, query, {"states": None}, _citizen("citizen-2")))["applications"]

    assert (everything["totalCount"], len(everything["edges"])) == (3, 1)
    assert everything["pageInfo"]["hasNextPage"] is True
    assert (accepted["totalCount"], accepted["pageInfo"]["hasNextPage"]) == (1, False)
    assert own["totalCount"] == 1  # an applicant counts only their own


def _citizen(user: str) -> str:
    from tests.relay.served import token

    return token(user, CHANGNING, ["applicant"])


async def test_a_case_released_by_a_denied_dibao_waits_on_nothing(
    db: Database,
    base_url: str,  # noqa: F811
) -> None:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    answers["situation"] = {"receiving_dibao": False}
    submitted = await apply(
        db, citizen, CHANGNING, ["dibao", "low_income_recognition"], answers, area=AREA
    )
    accepted = await accept(db, await window_clerk(db, CHANGNING, AREA), submitted)
    dibao = next(c for c in accepted["cases"] if c["itemCode"] == "dibao")
    waiting = next(c for c in accepted["cases"] if c["itemCode"] == "low_income_recognition")
    assert (waiting["state"], waiting["waitingOn"]) == ("WAITING", ["dibao"])

    denied = await decide(db, await caseworker(db, CHANGNING, "civil_affairs"), dibao, "DENIED")
    assert denied["errors"] == []
    read = await data(
        base_url,
        "query($id: ID!) { application(id: $id) { cases { itemCode state waitingOn } } }",
        {"id": accepted["id"]},
        CLERK,
    )

    released = next(
        c for c in read["application"]["cases"] if c["itemCode"] == "low_income_recognition"
    )
    assert released == {
        "itemCode": "low_income_recognition",
        "state": "READY",
        "waitingOn": [],
    }
    async with db.owner_session() as session:
        stored = await session.scalar(
            text(
                "SELECT waiting_on FROM application_case WHERE item_code = 'low_income_recognition'"
            )
        )
    assert stored == []  # cleared where it is kept, not only hidden on the way out


async def test_an_application_links_its_tenant_and_catalogue_items(
    db: Database,
    base_url: str,  # noqa: F811
) -> None:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    submitted = await apply(db, citizen, CHANGNING, ["dibao", "legal_aid"], answers, area=AREA)
    query = """query($id: ID!) { application(id: $id) { items leadDepartmentNode { code }
      tenant { code name } catalogueItems { code name department { code } } } }"""

    seen = (await data(base_url, query, {"id": submitted["id"]}, CLERK))["application"]

    assert seen["tenant"] == {"code": "310105", "name": "长宁区"}
    assert seen["items"] == ["dibao", "legal_aid"]
    assert [(i["code"], i["department"]["code"]) for i in seen["catalogueItems"]] == [
        ("dibao", "civil_affairs"),
        ("legal_aid", "justice"),
    ]
    assert seen["leadDepartmentNode"] is None  # no joint meeting assigned one
