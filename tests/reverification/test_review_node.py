"""A review is a Relay Node: node(id:) refetches it as `reverifications` shows it — to the
adviser of its area, not to one of another street (FORBIDDEN, null) nor to another tenant's
reader (NOT_FOUND: row-level security hides the row); nodes(ids:) answers each in place."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.applications_api.flows import SHANGHAI_FAMILY
from tests.reverification.helpers import (
    ADVISER,
    REVIEWS,
    accepted_application,
    approve,
    bearer,
    reviews,
)

pytestmark = pytest.mark.usefixtures("clock")
FIELDS = REVIEWS.split("node {", 1)[1].rsplit("} } } }", 1)[0]
NODE = f"query($id: ID!) {{ node(id: $id) {{ __typename ... on BenefitReverification {{ {FIELDS} }} }} }}"
NODES = """query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"""
OTHER_STREET = bearer("adviser-jiangsulu", Role.ADVISER, area="jiangsulu")
JIANGYIN = bearer("auditor-320281", Role.AUDITOR, tenant="320281")


async def post(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any], headers: dict[str, str]
) -> dict[str, Any]:
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


async def a_scheduled_review(db: Database, client: httpx.AsyncClient) -> dict[str, Any]:
    application = await accepted_application(db, SHANGHAI_FAMILY)
    await approve(
        db, client, application, "dibao", reverificationPeriod="stable_economic_situation"
    )
    [review] = await reviews(client, ADVISER)
    return review


async def test_node_refetches_the_review_as_the_listing_shows_it(
    db: Database, client: httpx.AsyncClient
) -> None:
    review = await a_scheduled_review(db, client)
    seen = await post(client, NODE, {"id": review["id"]}, ADVISER)
    assert "errors" not in seen, seen
    node = seen["data"]["node"]
    assert node.pop("__typename") == "BenefitReverification"
    assert node == review


async def test_an_adviser_of_another_street_gets_null_and_forbidden(
    db: Database, client: httpx.AsyncClient
) -> None:
    review = await a_scheduled_review(db, client)
    assert await reviews(client, OTHER_STREET) == []  # the listing does not show it either
    refused = await post(client, NODE, {"id": review["id"]}, OTHER_STREET)
    assert refused["data"] == {"node": None}
    assert [(e["extensions"]["code"], e["path"]) for e in refused["errors"]] == [
        ("FORBIDDEN", ["node"])
    ]


async def test_another_tenants_reader_gets_null_and_not_found(
    db: Database, client: httpx.AsyncClient
) -> None:
    review = await a_scheduled_review(db, client)
    refused = await post(client, NODES, {"ids": [review["id"]]}, JIANGYIN)
    assert refused["data"] == {"nodes": [None]}
    assert [(e["extensions"]["code"], e["path"]) for e in refused["errors"]] == [
        ("NOT_FOUND", ["nodes", 0])
    ]
