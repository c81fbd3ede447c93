"""Calling the served API over HTTP as a client would, for the screening and parameter tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import httpx
import pytest

from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.clock import today_in_china
from socialaid.db.database import Database
from tests.conftest import test_settings
from tests.tokens import bearer_header, token

SHANGHAI = "310000"
CHANGNING = "310105"

SET = """mutation($i: TenantParameterSetInput!) { tenantParameterSet(input: $i) {
  errors { code message path }
  parameter { key value unit valueOrigin valueTenant { code } valueEffectiveFrom valueSource } } }"""
PARAMETERS = """query($t: String!, $d: Date) { parameters(tenant: $t, asOf: $d) {
  key label unit value valueOrigin valueTenant { code } valueEffectiveFrom valueSource
  source { seed section } } }"""
SCREEN = """query($t: String!, $a: JSON!, $i: [String!]) {
  eligibilityScreen(tenant: $t, answers: $a, items: $i) {
    item itemName outcome explanation notScreenableReason
    missingAnswers { key label } missingParameters { key label unit }
    failedConditions { requirement facts source { seed section } }
    estimate { amount period formulaText calculation missingAnswers { key } missingParameters { key } }
    ruleSource { seed section } } }"""
QUESTIONS = """query($t: String!, $a: JSON!, $i: [String!], $n: Int) {
  screeningQuestions(tenant: $t, answers: $a, items: $i, first: $n) {
    key label type codeValues { code label } decides concerns } }"""


def admin(tenant: str) -> dict[str, str]:
    return bearer_header(token(Role.TENANT_ADMIN, user=f"admin-{tenant}", tenant=tenant))


@pytest.fixture
async def client(db: Database) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(db, test_settings()))
    async with httpx.AsyncClient(transport=transport, base_url="http://socialaid") as http:
        yield http


async def post(
    client: httpx.AsyncClient,
    query: str,
    variables: dict[str, Any],
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The whole response body (data and errors) of a 200 answer."""
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers or {}
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


async def data(
    client: httpx.AsyncClient,
    query: str,
    variables: dict[str, Any],
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    body = await post(client, query, variables, headers)
    assert "errors" not in body, body
    return dict(body["data"])


async def set_parameter(
    client: httpx.AsyncClient,
    tenant: str,
    key: str,
    value: object,
    *,
    effective_from: date | None = None,
    source: str = "测试用取值（非政策事实）",
) -> dict[str, Any]:
    """tenantParameterSet as the tenant's admin; returns the payload."""
    values = {
        "tenant": tenant,
        "key": key,
        "value": value,
        "effectiveFrom": (effective_from or today_in_china()).isoformat(),
        "source": source,
        "reason": "测试",
    }
    payload = await data(client, SET, {"i": values}, admin(tenant))
    return dict(payload["tenantParameterSet"])
