"""The filled application form and the decision notice as PDFs over HTTP: the real app on the
real database, a real submitted application and a decided case; the text read back from the PDF.
"""

from __future__ import annotations

import os
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text

from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from socialaid.kernel.global_id import encode_global_id
from tests.applications_api.flows import (
    SHANGHAI_FAMILY,
    applicant,
    apply,
    case_of,
    shanghai_answers,
)
from tests.identity_numbers import id_number
from tests.printing.documents import (
    APPLICANT,
    CIVIL_AFFAIRS,
    CLERK,
    EDUCATION,
    OTHER_APPLICANT,
    SPOUSE_ID,
    accepted,
    decided,
    headers,
    http_client,
    pdf_text,
    submitted,
)
from tests.tokens import bearer_header, token

CHANGNING = "310105"
# Set to a folder to keep the PDFs a run produced (docs/print/ is made from them).
KEEP = os.environ.get("SOCIALAID_KEEP_PRINTS")


def kept(name: str, body: bytes) -> None:
    if KEEP:
        Path(KEEP).mkdir(parents=True, exist_ok=True)
        (Path(KEEP) / name).write_bytes(body)


async def test_the_window_clerk_prints_the_filled_form_for_the_applicant_to_sign(
    db: Database,
) -> None:
    application = await accepted(db)

    async with http_client(db) as client:
        response = await client.get(
            f"/print/applications/{application['id']}", headers=headers(CLERK)
        )

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["cache-control"] == "no-store"
    assert response.content.startswith(b"%PDF-")
    kept("application.pdf", response.content)
    printed = pdf_text(response.content)
    for expected in [
        "社会救助“一件事”申请表",
        "山西省太原市小店区",
        "低收入人口认定",
        "申请人基本信息",
        "张秀英",
        "丧失劳动能力，家庭无固定收入",
        "共同生活家庭成员",
        "李建国",
        "配偶",
        "银行开户信息",
        "申请人（签字）",
        "受理人（签字）",
    ]:
        assert expected in printed, expected
    # The clerk verifies identity: the seed form's 身份证号 in full, as the API shows it to them.
    assert SPOUSE_ID in printed


async def test_the_deciding_department_prints_the_notice_of_its_decision(db: Database) -> None:
    application = await decided(db)
    case = case_of(application, "low_income_recognition")

    async with http_client(db) as client:
        response = await client.get(
            f"/print/cases/{case['id']}/notice", headers=headers(CIVIL_AFFAIRS)
        )

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    kept("notice.pdf", response.content)
    printed = pdf_text(response.content)
    for expected in [
        "准予救助告知书",
        "山西省太原市小店区",
        "民政",
        "张秀英",
        "低收入人口认定",
        "办理结果准予救助",
        "决定准予救助",
        "平台默认告知书模板",
    ]:
        assert expected in printed, expected


async def test_the_applicant_checks_the_code_on_her_notice(db: Database) -> None:
    application = await decided(db)
    address = f"/print/cases/{case_of(application, 'low_income_recognition')['id']}/notice"

    async with http_client(db) as client:
        printed = pdf_text((await client.get(address, headers=headers(APPLICANT))).content)
        code = printed.split("校验码")[1][:24]
        right = await client.get(
            f"{address}/verify", params={"code": code}, headers=headers(APPLICANT)
        )
        stranger = await client.get(
            f"{address}/verify", params={"code": code}, headers=headers(OTHER_APPLICANT)
        )

    assert (right.status_code, right.json()) == (200, {"valid": True})
    assert refusal(stranger) == (403, "FORBIDDEN")


async def test_the_applicant_prints_her_own_form_and_notice_by_raw_id_too(db: Database) -> None:
    application = await decided(db)
    case = case_of(application, "low_income_recognition")

    async with http_client(db) as client:
        form = await client.get(
            f"/print/applications/{application['databaseId']}", headers=headers(APPLICANT)
        )
        notice = await client.get(
            f"/print/cases/{case['databaseId']}/notice", headers=headers(APPLICANT)
        )

    assert (form.status_code, notice.status_code) == (200, 200)
    assert "张秀英" in pdf_text(form.content)
    assert "准予救助告知书" in pdf_text(notice.content)


async def test_every_print_is_an_audit_event_naming_the_document_and_its_code(
    db: Database,
) -> None:
    application = await decided(db)
    case = case_of(application, "low_income_recognition")

    async with http_client(db) as client:
        await client.get(f"/print/applications/{application['id']}", headers=headers(CLERK))
        await client.get(f"/print/cases/{case['id']}/notice", headers=headers(CIVIL_AFFAIRS))

    async with db.owner_session() as session:
        rows = (
            await session.execute(
                text(
                    "SELECT action, actor, subject_type, subject_id, after->>'verification_code'"
                    " FROM audit_event WHERE action LIKE 'print.%' ORDER BY sequence"
                )
            )
        ).all()
    assert [tuple(r[:4]) for r in rows] == [
        ("print.application", "clerk-140105", "application", application["databaseId"]),
        ("print.notice", "civil-sx", "case", case["databaseId"]),
    ]
    assert all(r[4] for r in rows)


async def test_a_clerk_checks_the_code_on_a_paper_against_the_record(db: Database) -> None:
    application = await accepted(db)
    address = f"/print/applications/{application['id']}"

    async with http_client(db) as client:
        printed = pdf_text((await client.get(address, headers=headers(CLERK))).content)
        code = printed.split("校验码")[1][:24]
        typed = code.lower().replace("-", " ")
        right = await client.get(
            f"{address}/verify", params={"code": typed}, headers=headers(CLERK)
        )
        forged = code[:-1] + ("0" if code[-1] != "0" else "1")
        wrong = await client.get(
            f"{address}/verify", params={"code": forged}, headers=headers(CLERK)
        )
        missing = await client.get(f"{address}/verify", headers=headers(CLERK))

    assert (right.status_code, right.json()) == (200, {"valid": True})
    assert (wrong.status_code, wrong.json()) == (200, {"valid": False})
    assert missing.status_code == 400
    assert missing.json()["errors"][0]["code"] == "INVALID_INPUT"


def full_width(code: str) -> str:
    """The code as a Chinese input method in full-width mode types it (Ａ for A, ０ for 0)."""
    return "".join(chr(ord(c) + 0xFEE0) if c.isalnum() else c for c in code)


async def test_a_code_typed_in_full_width_or_chinese_characters_is_answered_not_a_server_error(
    db: Database,
) -> None:
    application = await accepted(db)
    address = f"/print/applications/{application['id']}"

    async with http_client(db) as client:
        printed = pdf_text((await client.get(address, headers=headers(CLERK))).content)
        code = printed.split("校验码")[1][:24]
        answers = [
            await client.get(f"{address}/verify", params={"code": typed}, headers=headers(CLERK))
            for typed in (full_width(code), "校验码五组四位")
        ]

    assert [(a.status_code, a.json()) for a in answers] == [
        (200, {"valid": True}),
        (200, {"valid": False}),
    ]


def refusal(response: httpx.Response) -> tuple[int, str]:
    (error,) = response.json()["errors"]
    assert error["message"] and not error["message"].isascii()  # said in Chinese
    return response.status_code, error["code"]


async def test_another_applicant_another_department_and_anonymous_are_refused(
    db: Database,
) -> None:
    application = await decided(db)
    case = case_of(application, "low_income_recognition")
    form = f"/print/applications/{application['id']}"
    notice = f"/print/cases/{case['id']}/notice"

    async with http_client(db) as client:
        answers = {
            (path, who): refusal(await client.get(path, headers=headers(people)))
            for path in (form, notice)
            for who, people in dict[str, dict[str, Any] | None](
                {
                    "other applicant": OTHER_APPLICANT,
                    "other department": EDUCATION,
                    "anonymous": None,
                }
            ).items()
        }
        forged = await client.get(form, headers={"Authorization": "Bearer not-a-token"})

    assert answers == {
        (form, "other applicant"): (403, "FORBIDDEN"),
        (form, "other department"): (403, "FORBIDDEN"),
        (form, "anonymous"): (401, "UNAUTHENTICATED"),
        (notice, "other applicant"): (403, "FORBIDDEN"),
        (notice, "other department"): (403, "FORBIDDEN"),
        (notice, "anonymous"): (401, "UNAUTHENTICATED"),
    }
    assert refusal(forged) == (401, "UNAUTHENTICATED")


async def test_unknown_ids_and_a_case_not_yet_decided_are_not_found(db: Database) -> None:
    application = await accepted(db)
    undecided = case_of(application, "low_income_recognition")
    unknown_case = encode_global_id("Case", str(uuid.uuid4()))

    async with http_client(db) as client:
        asked: list[tuple[str, dict[str, Any]]] = [
            (f"/print/applications/{uuid.uuid4()}", CLERK),
            ("/print/applications/not-an-id", CLERK),
            (f"/print/cases/{unknown_case}/notice", CIVIL_AFFAIRS),
            (f"/print/cases/{undecided['id']}/notice", CIVIL_AFFAIRS),
            ("/print/applications/%00", CLERK),
        ]
        answers = [refusal(await client.get(path, headers=headers(who))) for path, who in asked]

    assert answers == [
        (404, "NOT_FOUND"),
        (404, "NOT_FOUND"),
        (404, "NOT_FOUND"),
        (404, "NOT_FOUND"),
        (400, "INVALID_INPUT"),
    ]


async def test_nothing_is_audited_for_a_refused_print(db: Database) -> None:
    application = await submitted(db)

    async with http_client(db) as client:
        response = await client.get(
            f"/print/applications/{application['id']}", headers=headers(OTHER_APPLICANT)
        )

    assert response.status_code == 403
    async with db.owner_session() as session:
        printed = await session.scalar(
            text("SELECT count(*) FROM audit_event WHERE action LIKE 'print.%'")
        )
    assert printed == 0


async def test_a_shanghai_family_form_has_every_member_and_names_the_legal_aid_section(
    db: Database,
) -> None:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    submitted = await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area="huayanglu")

    async with http_client(db) as client:
        response = await client.get(
            f"/print/applications/{submitted['id']}",
            headers=bearer_header(token(Role.APPLICANT, user="citizen-1", tenant=CHANGNING)),
        )

    assert response.status_code == 200
    kept("shanghai-application.pdf", response.content)
    printed = pdf_text(response.content)
    for expected in [
        "上海市长宁区",
        "王强",
        "李芳",
        "王小明",
        "长宁区实验小学",
        "法律援助",
        "追索劳动报酬纠纷",
    ]:
        assert expected in printed, expected
    assert "legal_aid" not in printed
