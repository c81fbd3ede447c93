"""Helpers for the needs-assessment API tests: the queries, tokens and a Changning household."""

from __future__ import annotations

from typing import Any

import httpx

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.applications_api.flows import accept, applicant, apply, shanghai_answers, window_clerk
from tests.conftest import test_settings
from tests.identity_numbers import id_number
from tests.screening.api import post
from tests.tokens import bearer_header

CHANGNING = "310105"
DIMENSIONS = ("material", "health", "education", "employment", "social_support", "children_share")
# Every parameter the Changning scheme declares (tenants/310105-changning/catalogue.yaml).
PARAMETER_KEYS = sorted(
    ["needs_composite_threshold"]
    + [f"needs_{kind}_{d}" for kind in ("weight", "threshold") for d in DIMENSIONS]
)
ASSESSMENT = """id revision supersedes outcome cannotProposeReason missingParameters composite
  compositeThreshold compositeReached referredDepartments notes schemeVersion
  proposedItems { code name }
  dimensions { code name score weight threshold reached items departments
    source { seed section } referralSource { seed section } }
  parameters { key value valueTenant }"""
RECORD = f"""mutation($i: NeedsAssessmentRecordInput!) {{ needsAssessmentRecord(input: $i) {{
  errors {{ code message path }} needsAssessment {{ {ASSESSMENT} }} }} }}"""
REVISE = f"""mutation($i: NeedsAssessmentReviseInput!) {{ needsAssessmentRevise(input: $i) {{
  errors {{ code message path }} needsAssessment {{ {ASSESSMENT} }} }} }}"""
READ = f"""query($id: ID!) {{ needsAssessment(id: $id) {{ {ASSESSMENT} }} }}"""
THROUGH_CASES = """query($id: ID!) { application(id: $id) { needsAssessment { id }
  cases { itemCode department { code } needsAssessment { id proposedItems { code } } } } }"""


def staff(
    role: Role, *, departments: tuple[str, ...] = (), area: str | None = None
) -> dict[str, str]:
    user = f"{role.value}-{'-'.join(departments) or area or 'cn'}"
    signed = mint_token(
        test_settings(),
        user=user,
        tenant=CHANGNING,
        roles=[role],
        departments=departments,
        area=area,
    )
    return bearer_header(signed)


def adviser(area: str = "huayanglu") -> dict[str, str]:
    return staff(Role.ADVISER, area=area)


def caseworker(department: str) -> dict[str, str]:
    return staff(Role.CASEWORKER, departments=(department,))


async def household(db: Database, *, sequence: int = 141) -> dict[str, Any]:
    """A Changning family in 华阳路街道 that applied for dibao, accepted at the window: one
    civil-affairs case."""
    citizen = await applicant(db, CHANGNING, user=f"citizen-{sequence}")
    answers = shanghai_answers(id_number("310105", sequence=sequence))
    submitted = await apply(
        db, citizen, CHANGNING, ["dibao"], answers, area="huayanglu", key=f"k-{sequence}"
    )
    return await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), submitted)


def scores(**given: float) -> list[dict[str, Any]]:
    return [{"dimension": d, "score": given[d]} for d in DIMENSIONS]


async def record(
    http: httpx.AsyncClient,
    application_id: str,
    given: list[dict[str, Any]],
    headers: dict[str, str],
    notes: str = "",
) -> dict[str, Any]:
    """needsAssessmentRecord's whole response body."""
    values = {"tenant": CHANGNING, "application": application_id, "scores": given, "notes": notes}
    return await post(http, RECORD, {"i": values}, headers)
