"""The next questions for a Changning family, bad input answered INVALID_INPUT or NOT_FOUND with
its path, and answers that leave no trace: no row, no audit event, no log line."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from socialaid.db.database import Database
from tests.screening.api import CHANGNING, QUESTIONS, SCREEN, client, data, post

__all__ = ["client"]


async def questions(client: httpx.AsyncClient, answers: Mapping[str, Any], items: list[str]):  # type: ignore[no-untyped-def]
    found = await data(client, QUESTIONS, {"t": CHANGNING, "a": answers, "i": items, "n": 5})
    return found["screeningQuestions"]


async def test_the_hukou_question_comes_first_because_it_decides_the_most_items(
    client: httpx.AsyncClient,
) -> None:
    # dibao waits on its income and on a dibao standard nobody set; low_rent_housing only on
    # the hukou; low_income_recognition on the hukou and on whether the family receives dibao.
    # A "no" to the hukou settles all three; the income settles none of them alone.
    items = ["dibao", "low_rent_housing", "low_income_recognition"]
    asked = await questions(client, {}, items)
    first = asked[0]
    assert first["key"] == "applicant.shanghai_hukou"
    assert first["decides"] == sorted(items)
    assert first["type"] == "boolean"
    by_key = {q["key"]: q for q in asked}
    assert by_key["household.per_capita_monthly_income"]["decides"] == []
    assert by_key["household.per_capita_monthly_income"]["concerns"] == ["dibao"]
    assert by_key["situation.receiving_dibao"]["concerns"] == ["low_income_recognition"]


async def test_answered_questions_are_not_asked_again(client: httpx.AsyncClient) -> None:
    answers = {"applicant": {"shanghai_hukou": True}}
    asked = await questions(client, answers, ["low_rent_housing", "low_income_recognition"])
    assert [q["key"] for q in asked] == ["situation.receiving_dibao"]
    assert asked[0]["decides"] == ["low_income_recognition"]


async def test_answers_that_are_not_an_object_are_invalid_input_at_answers(
    client: httpx.AsyncClient,
) -> None:
    body = await post(client, SCREEN, {"t": CHANGNING, "a": [1, 2], "i": ["dibao"]})
    [error] = body["errors"]
    assert error["extensions"]["code"] == "INVALID_INPUT"
    assert error["extensions"]["path"] == ["answers"]


async def test_an_item_not_in_the_catalogue_is_not_found_at_its_position(
    client: httpx.AsyncClient,
) -> None:
    body = await post(client, SCREEN, {"t": CHANGNING, "a": {}, "i": ["dibao", "no_such_item"]})
    [error] = body["errors"]
    assert (error["extensions"]["code"], error["extensions"]["path"]) == (
        "NOT_FOUND",
        ["items", "1"],
    )


async def test_answers_beyond_the_input_bounds_are_refused_before_screening(
    client: httpx.AsyncClient,
) -> None:
    nested: dict[str, object] = {"x": 1}
    for _ in range(8):
        nested = {"x": nested}
    body = await post(client, SCREEN, {"t": CHANGNING, "a": nested, "i": ["dibao"]})
    assert body["errors"][0]["extensions"]["code"] == "INVALID_INPUT"
    assert body.get("data") is None


async def test_a_screening_leaves_no_row_no_audit_event_and_no_log_line_with_the_answers(
    client: httpx.AsyncClient, db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    marker = "王秘密测试户"
    answers = {"applicant": {"name": marker, "shanghai_hukou": True}}
    async with db.owner_session() as session:
        events_before = await session.scalar(text("SELECT count(*) FROM audit_event"))
    with caplog.at_level(logging.DEBUG):
        await data(client, SCREEN, {"t": CHANGNING, "a": answers, "i": None})
    async with db.owner_session() as session:
        assert await session.scalar(text("SELECT count(*) FROM audit_event")) == events_before
        tables = (
            await session.execute(
                text(
                    "SELECT table_name FROM information_schema.columns WHERE table_schema ="
                    " 'public' AND data_type IN ('jsonb', 'text', 'character varying')"
                )
            )
        ).scalars()
        for table in set(tables):
            found = await session.scalar(
                text(f'SELECT count(*) FROM "{table}" t WHERE t::text LIKE :m'),
                {"m": f"%{marker}%"},
            )
            assert found == 0, table
    assert not [r for r in caplog.records if marker in r.getMessage()]
