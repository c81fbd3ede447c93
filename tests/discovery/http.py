"""Calling the served API over HTTP with minted tokens, for the discovery tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import httpx
import pytest

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.db.database import Database
from tests.conftest import test_settings
from tests.identity_numbers import id_number
from tests.tokens import bearer_header

CHANGNING = "310105"
SHANGHAI = "310000"
RESIDENT_ID = id_number("310105", date(1958, 7, 21), 46)

PUSH = """mutation($i: LivelihoodTagUpsertInput!) { livelihoodTagUpsert(input: $i) {
  errors { code message path } tag { kind subjectHint areaPath sourceDepartment } } }"""
LEADS = """query($f: LeadFilterInput!) { leads(filter: $f, first: 10) { totalCount edges { node {
  id state lockVersion suggestedItems areaPath subjectHint assignedTo dismissedReason applicationId
  rule { code version name tenantCode source } tags { kind facts sourceDepartment } } } } }"""
ASSIGN = """mutation($i: LeadAssignInput!) { leadAssign(input: $i) {
  errors { code message path } lead { state lockVersion assignedTo } } }"""
DISMISS = """mutation($i: LeadDismissInput!) { leadDismiss(input: $i) {
  errors { code message path } lead { state lockVersion dismissedReason } } }"""
CONVERT = """mutation($i: LeadConvertInput!) { leadConvert(input: $i) {
  errors { code message path }
  lead { state lockVersion applicationId }
  application { id state items channel owner submittedBy } } }"""


def headers(
    role: Role,
    *,
    user: str,
    tenant: str = CHANGNING,
    departments: tuple[str, ...] = (),
    area: str | None = None,
) -> dict[str, str]:
    signed = mint_token(
        test_settings(), user=user, tenant=tenant, roles=[role], departments=departments, area=area
    )
    return bearer_header(signed)


def adviser(area: str = "huayanglu") -> dict[str, str]:
    return headers(Role.ADVISER, user=f"adviser-{area}", area=area)


def hospital_system() -> dict[str, str]:
    """The medical-insurance bureau's system, pushing through the shared-data path."""
    return headers(Role.INTEGRATION, user="yb-system", departments=("healthcare_security",))


@pytest.fixture
async def client(db: Database) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(db, test_settings()))
    async with httpx.AsyncClient(transport=transport, base_url="http://socialaid") as http:
        yield http


async def call(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any], auth: dict[str, str]
) -> dict[str, Any]:
    """The data of a 200 answer without GraphQL errors."""
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=auth
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return dict(body["data"])


def hospital_bill(
    amount: int, *, id_number: str = RESIDENT_ID, area: str = "huayanglu"
) -> dict[str, Any]:
    return {
        "tenant": CHANGNING,
        "kind": "LARGE_MEDICAL_BILLS",
        "subjectIdNumber": id_number,
        "householdNumber": "HY-0046",
        "area": area,
        "facts": {"amount": amount, "year": 2026},
        "sourceDepartment": "healthcare_security",
    }


async def push(client: httpx.AsyncClient, tag: dict[str, Any]) -> dict[str, Any]:
    payload = (await call(client, PUSH, {"i": tag}, hospital_system()))["livelihoodTagUpsert"]
    return dict(payload)


async def leads(
    client: httpx.AsyncClient, auth: dict[str, str], **where: Any
) -> list[dict[str, Any]]:
    found = await call(client, LEADS, {"f": {"tenant": CHANGNING, **where}}, auth)
    return [edge["node"] for edge in found["leads"]["edges"]]
