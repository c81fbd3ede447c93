"""Helpers for the printing tests: a Shanxi family's application taken through the one door and a
department's decision, and the HTTP client that asks for the PDFs as a browser or curl would."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from typing import Any

import httpx
from pypdf import PdfReader

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.db.database import Database
from tests.applications_api.flows import (
    accept,
    applicant,
    apply,
    case_of,
    caseworker,
    decide,
    shanxi_answers,
    window_clerk,
)
from tests.conftest import test_settings
from tests.identity_numbers import id_number

XIAODIAN = "140105"
APPLICANT_ID = id_number("140105", date(1961, 8, 30), 248)
SPOUSE_ID = id_number("140105", date(1959, 2, 11), 137)


def family_answers() -> dict[str, Any]:
    """张秀英 and her husband 李建国, who has lost the capacity to work."""
    answers = shanxi_answers(APPLICANT_ID)
    answers["household"] = {
        "size": 2,
        "income_monthly": 300,
        "members": [
            {
                "name": "李建国",
                "id_number": SPOUSE_ID,
                "relation": "spouse",
                "monthly_income": 0,
            }
        ],
    }
    return answers


async def submitted(db: Database) -> dict[str, Any]:
    citizen = await applicant(db, XIAODIAN, user="citizen-sx")
    return await apply(
        db, citizen, XIAODIAN, ["low_income_recognition"], family_answers(), area="wucheng"
    )


async def accepted(db: Database) -> dict[str, Any]:
    return await accept(db, await window_clerk(db, XIAODIAN, "wucheng"), await submitted(db))


async def decided(db: Database) -> dict[str, Any]:
    """Accepted, and recognised by civil affairs as a 低保 family: the application after it."""
    civil = await caseworker(db, XIAODIAN, "civil_affairs")
    application = await accepted(db)
    payload = await decide(
        db,
        civil,
        case_of(application, "low_income_recognition"),
        "APPROVED",
        recognisedAs=["dibao_family"],
    )
    assert payload["errors"] == [], payload
    after: dict[str, Any] = payload["application"]
    return after


def token_of(
    role: Role, *, user: str, departments: tuple[str, ...] = (), area: str | None = None
) -> dict[str, str]:
    signed = mint_token(
        test_settings(),
        user=user,
        tenant=XIAODIAN,
        roles=[role],
        departments=departments,
        area=area,
    )
    return {"Authorization": f"Bearer {signed}"}


APPLICANT = {"role": Role.APPLICANT, "user": "citizen-sx"}
OTHER_APPLICANT = {"role": Role.APPLICANT, "user": "citizen-other"}
CLERK = {"role": Role.WINDOW_CLERK, "user": f"clerk-{XIAODIAN}", "area": "wucheng"}
CIVIL_AFFAIRS = {"role": Role.CASEWORKER, "user": "civil-sx", "departments": ("civil_affairs",)}
EDUCATION = {"role": Role.CASEWORKER, "user": "education-sx", "departments": ("education",)}


def headers(who: dict[str, Any] | None) -> dict[str, str]:
    return {} if who is None else token_of(**who)


@asynccontextmanager
async def http_client(db: Database) -> AsyncIterator[httpx.AsyncClient]:
    """The real application, in process, on the test's database."""
    transport = httpx.ASGITransport(app=create_app(db, test_settings()))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


def pdf_text(body: bytes) -> str:
    """Every page's text, with the layout's spaces and line breaks taken out."""
    reader = PdfReader(io.BytesIO(body))
    text = "".join(page.extract_text() or "" for page in reader.pages)
    return "".join(text.split())
