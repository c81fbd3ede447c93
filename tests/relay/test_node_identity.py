"""Relay object identification over real HTTP: every Node type's id refetches the same object
through node(id:), and node(id:) answers exactly as the type's own query does for callers who
may not see it (out of jurisdiction, another department's case)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from socialaid.db.database import Database
from tests.applications_api.flows import (
    SHANGHAI_FAMILY,
    accept,
    applicant,
    apply,
    shanghai_answers,
    window_clerk,
)
from tests.identity_numbers import id_number
from tests.relay.served import (
    ADMIN,
    ANALYST,
    AREA,
    AUDITOR,
    CHANGNING,
    CITIZEN,
    CIVIL_WORKER,
    CLERK,
    JIANGYIN_CLERK,
    codes,
    data,
    post,
)
from tests.test_http import base_url  # noqa: F401 - the real app on a loopback port

NODE = "query($id: ID!) { node(id: $id) { __typename id ...F } }"
GRANT = """mutation($i: RoleGrantInput!) { roleGrant(input: $i) {
  errors { code } assignment { id userId } } }"""


async def family_accepted(db: Database) -> dict[str, Any]:
    """An application in Changning with three cases: dibao (civil affairs), compulsory education
    aid (waiting on dibao) and legal aid (justice)."""
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    submitted = await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area=AREA)
    return await accept(db, await window_clerk(db, CHANGNING, AREA), submitted)


# Each Node type: how its own query finds one, where the object is in the answer, the fields
# compared, and who asks.
APPLICATION_FIELDS = "databaseId state items tenantCode tenant { id code } answers"
OWN_QUERIES: dict[str, tuple[str, tuple[str | int, ...], str, str | None]] = {
    "Application": (
        "query($app: ID!) { application(id: $app) { id ...F } }",
        ("application",),
        f"fragment F on Application {{ {APPLICATION_FIELDS} cases {{ id itemCode }} }}",
        CLERK,
    ),
    "Case": (
        'query { cases(filter: { tenant: "310105" }) { edges { node { id ...F } } } }',
        ("cases", "edges", 0, "node"),
        "fragment F on Case { databaseId itemCode state waitingOn applicationId"
        " department { code } tenant { code } }",
        CIVIL_WORKER,
    ),
    "Tenant": (
        'query { tenant(code: "310105") { id ...F } }',
        ("tenant",),
        "fragment F on Tenant { code name level parentCode path parent { id code } }",
        None,
    ),
    "Department": (
        'query { tenant(code: "310105") { departments { id ...F } } }',
        ("tenant", "departments", 0),
        "fragment F on Department { code name tenant { id code } }",
        None,
    ),
    "CatalogueItem": (
        'query { item(tenant: "310105", code: "dibao") { id ...F } }',
        ("item",),
        "fragment F on CatalogueItem { code name mode channels department { id code } }",
        None,
    ),
    "ItemVersion": (
        'query { itemVersions(tenant: "310000", code: "legal_aid") { id ...F } }',
        ("itemVersions", 0),
        "fragment F on ItemVersion { code version status effectiveFrom tenant { code } }",
        None,
    ),
    "AuditEvent": (
        'query { auditEvents(filter: { tenant: "310105" }, first: 1) { edges { node { id ...F } } } }',
        ("auditEvents", "edges", 0, "node"),
        "fragment F on AuditEvent { databaseId sequence action subjectId actor tenant { code } }",
        AUDITOR,
    ),
    "RoleAssignment": (
        'query { roleAssignments(tenant: "310105") { edges { node { id ...F } } } }',
        ("roleAssignments", "edges", 0, "node"),
        "fragment F on RoleAssignment { userId role grantedBy tenant { code } }",
        ADMIN,
    ),
}


def dig(value: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


@pytest.mark.parametrize("type_name", sorted(OWN_QUERIES))
async def test_node_refetches_every_node_type_with_the_same_fields(
    db: Database,
    base_url: str,  # noqa: F811
    type_name: str,
) -> None:
    accepted = await family_accepted(db)
    granted = await data(
        base_url,
        GRANT,
        {"i": {"tenant": CHANGNING, "userId": "analyst-7", "role": "ANALYST"}},
        ADMIN,
    )
    assert granted["roleGrant"]["errors"] == []
    query, path, fragment, bearer = OWN_QUERIES[type_name]

    own = dig(
        await data(
            base_url, query + fragment, {"app": accepted["id"]} if "$app" in query else {}, bearer
        ),
        path,
    )
    refetched = (await data(base_url, NODE + fragment, {"id": own["id"]}, bearer))["node"]

    assert refetched.pop("__typename") == type_name
    assert refetched == own
    assert own["id"] not in {own.get("databaseId"), own.get("code")}  # opaque, not the raw key


async def test_nodes_answers_mixed_ids_in_order_with_null_and_an_error_where_one_fails(
    db: Database,
    base_url: str,  # noqa: F811
) -> None:
    accepted = await family_accepted(db)
    tenant = (await data(base_url, '{ tenant(code: "310105") { id } }'))["tenant"]["id"]
    item = (await data(base_url, '{ item(tenant: "310105", code: "dibao") { id } }'))["item"]
    query = """query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
      ... on Tenant { code } ... on CatalogueItem { code } ... on Application { state } } }"""
    ids = [item["id"], "not-a-global-id", accepted["id"], tenant]

    body = await post(base_url, query, {"ids": ids}, CLERK)

    assert body["data"]["nodes"] == [
        {"__typename": "CatalogueItem", "id": item["id"], "code": "dibao"},
        None,
        {"__typename": "Application", "id": accepted["id"], "state": "ACCEPTED"},
        {"__typename": "Tenant", "id": tenant, "code": "310105"},
    ]
    assert codes(body) == [(["nodes", 1], "INVALID_INPUT")]


async def test_node_answers_an_application_out_of_jurisdiction_as_application_does(
    db: Database,
    base_url: str,  # noqa: F811
) -> None:
    accepted = await family_accepted(db)
    own = await post(
        base_url,
        "query($id: ID!) { application(id: $id) { id } }",
        {"id": accepted["id"]},
        JIANGYIN_CLERK,
    )
    through_node = await post(
        base_url,
        "query($id: ID!) { node(id: $id) { id } }",
        {"id": accepted["id"]},
        JIANGYIN_CLERK,
    )

    assert own["data"] is None and through_node["data"] == {"node": None}
    [(_, own_code)] = codes(own)
    assert codes(through_node) == [(["node"], own_code)]
    assert own_code in {"FORBIDDEN", "NOT_FOUND"}
    anonymous = await post(
        base_url, "query($id: ID!) { node(id: $id) { id } }", {"id": accepted["id"]}
    )
    assert codes(anonymous) == [(["node"], "UNAUTHENTICATED")]


async def test_node_masks_answers_as_application_does(
    db: Database,
    base_url: str,  # noqa: F811
) -> None:
    accepted = await family_accepted(db)
    query = "query($id: ID!) { application(id: $id) { answers } }"
    by_node = "query($id: ID!) { node(id: $id) { ... on Application { answers } } }"

    for bearer in (CITIZEN, CIVIL_WORKER, CLERK, ANALYST):
        own = (await data(base_url, query, {"id": accepted["id"]}, bearer))["application"]
        node = (await data(base_url, by_node, {"id": accepted["id"]}, bearer))["node"]
        assert node == own
    # An analyst does not need the applicant's ID number: it sees only the last four digits.
    applicant_id = id_number("310105", date(1982, 4, 2), 131)
    seen = (await data(base_url, by_node, {"id": accepted["id"]}, ANALYST))["node"]
    masked = seen["answers"]["applicant"]["id_number"]
    assert masked != applicant_id and masked.endswith(applicant_id[-4:])
    assert seen["answers"]["assets"]["bank_deposits"] == "***"


async def test_node_does_not_show_a_case_of_another_department(
    db: Database,
    base_url: str,  # noqa: F811
) -> None:
    accepted = await family_accepted(db)
    legal_aid = next(c for c in accepted["cases"] if c["itemCode"] == "legal_aid")
    dibao = next(c for c in accepted["cases"] if c["itemCode"] == "dibao")
    listing = await data(
        base_url,
        'query { cases(filter: { tenant: "310105" }) { edges { node { id itemCode } } } }',
        bearer=CIVIL_WORKER,
    )
    listed = {e["node"]["id"] for e in listing["cases"]["edges"]}
    node = "query($id: ID!) { node(id: $id) { id ... on Case { itemCode } } }"

    other = await post(base_url, node, {"id": legal_aid["id"]}, CIVIL_WORKER)
    own = await data(base_url, node, {"id": dibao["id"]}, CIVIL_WORKER)

    assert listed == {dibao["id"]}
    assert other["data"] == {"node": None}
    assert [code for _, code in codes(other)] in (["FORBIDDEN"], ["NOT_FOUND"])
    assert own["node"] == {"id": dibao["id"], "itemCode": "dibao"}


@pytest.mark.parametrize(
    "bad_id",
    [
        "",
        "%%%",
        "bm90IGEgbm9kZQ",  # base64 of "not a node": no type name
        "VW5rbm93bjp4",  # base64 of "Unknown:x": no such type
        "VGVuYW50OjMxMDEwNTp4",  # base64 of "Tenant:310105:x": too many key parts
        "QXVkaXRFdmVudDozMTAxMDU6YWJj",  # base64 of "AuditEvent:310105:abc": not a sequence
        "x" * 513,
    ],
)
async def test_a_malformed_id_is_invalid_input_never_a_crash(
    base_url: str,  # noqa: F811
    bad_id: str,
) -> None:
    body = await post(base_url, "query($id: ID!) { node(id: $id) { id } }", {"id": bad_id}, AUDITOR)

    assert [code for _, code in codes(body)] == ["INVALID_INPUT"]


async def test_an_unknown_row_is_null_with_not_found(
    base_url: str,  # noqa: F811
) -> None:
    tenant = (await data(base_url, '{ tenant(code: "310105") { id } }'))["tenant"]["id"]
    # The same encoding for a tenant that does not exist, made by swapping the code.
    import base64

    missing = base64.urlsafe_b64encode(b"Tenant:999999").decode().rstrip("=")
    assert base64.urlsafe_b64decode(tenant + "=" * (-len(tenant) % 4)) == b"Tenant:310105"

    body = await post(base_url, "query($id: ID!) { node(id: $id) { id } }", {"id": missing})

    assert body["data"] == {"node": None}
    assert codes(body) == [(["node"], "NOT_FOUND")]


async def test_application_history_takes_the_global_id_and_still_the_raw_one(
    db: Database,
    base_url: str,  # noqa: F811
) -> None:
    accepted = await family_accepted(db)
    raw = (
        await data(
            base_url,
            "query($id: ID!) { application(id: $id) { databaseId } }",
            {"id": accepted["id"]},
            CLERK,
        )
    )["application"]["databaseId"]
    query = """query($id: ID!) { applicationHistory(id: $id) { applicationId
      eventsConnection(first: 2) { totalCount pageInfo { hasNextPage hasPreviousPage } } } }"""

    by_global = (await data(base_url, query, {"id": accepted["id"]}, AUDITOR))["applicationHistory"]
    by_raw = (await data(base_url, query, {"id": raw}, AUDITOR))["applicationHistory"]

    assert by_global == by_raw
    assert by_global["applicationId"] == raw
    # Submitted and accepted: at least those two events, so a page of two is full.
    assert by_global["eventsConnection"]["totalCount"] >= 2


async def test_nodes_takes_at_most_a_hundred_ids(
    base_url: str,  # noqa: F811
) -> None:
    tenant = (await data(base_url, '{ tenant(code: "310105") { id } }'))["tenant"]["id"]
    query = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"

    hundred = await data(base_url, query, {"ids": [tenant] * 100})
    refused = await post(base_url, query, {"ids": [tenant] * 101})

    assert hundred["nodes"] == [{"id": tenant}] * 100
    assert refused.get("data") is None
    assert [code for _, code in codes(refused)] == ["INVALID_INPUT"]
