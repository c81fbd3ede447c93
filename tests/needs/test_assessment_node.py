"""A needs assessment is a Relay Node: node(id:) refetches it with needsAssessment(id:)'s
permission and audit — a department it does not concern gets FORBIDDEN and null, another
tenant's reader NOT_FOUND (row-level security hides the row) — over the real schema."""

from __future__ import annotations

from typing import Any

import httpx

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.conftest import test_settings
from tests.needs.api import ASSESSMENT, adviser, caseworker, household, record, scores
from tests.needs.test_one_assessment_for_every_department import database_id, read_events
from tests.screening.api import client, post
from tests.tokens import bearer_header

__all__ = ["client"]
NODE = f"""query($id: ID!) {{ node(id: $id) {{ __typename id
  ... on NeedsAssessment {{ {ASSESSMENT} }} }} }}"""
SOME = scores(
    material=0.9, health=0.1, education=0, employment=0, social_support=0, children_share=0
)


def jiangyin_auditor() -> dict[str, str]:
    token = mint_token(
        test_settings(), user="auditor-320281", tenant="320281", roles=[Role.AUDITOR]
    )
    return bearer_header(token)


async def recorded(db: Database, http: httpx.AsyncClient) -> dict[str, Any]:
    application = await household(db)
    body = await record(http, application["id"], SOME, adviser())
    return dict(body["data"]["needsAssessmentRecord"]["needsAssessment"])


async def test_node_refetches_the_assessment_as_needs_assessment_does(
    db: Database, client: httpx.AsyncClient
) -> None:
    assessment = await recorded(db, client)
    seen = await post(client, NODE, {"id": assessment["id"]}, adviser())
    assert "errors" not in seen, seen
    node = seen["data"]["node"]
    assert node.pop("__typename") == "NeedsAssessment"
    assert node == assessment
    [(reader, via)] = await read_events(db, await database_id(db))
    assert (reader, via) == ("adviser-huayanglu", "node")


async def test_a_department_it_does_not_concern_gets_null_and_forbidden(
    db: Database, client: httpx.AsyncClient
) -> None:
    assessment = await recorded(db, client)
    refused = await post(client, NODE, {"id": assessment["id"]}, caseworker("education"))
    assert refused["data"] == {"node": None}
    assert [(e["extensions"]["code"], e["path"]) for e in refused["errors"]] == [
        ("FORBIDDEN", ["node"])
    ]


async def test_another_tenants_reader_gets_null_and_not_found(
    db: Database, client: httpx.AsyncClient
) -> None:
    assessment = await recorded(db, client)
    refused = await post(client, NODE, {"id": assessment["id"]}, jiangyin_auditor())
    assert refused["data"] == {"node": None}
    assert [e["extensions"]["code"] for e in refused["errors"]] == ["NOT_FOUND"]
