"""Public reference data is answered from the whole-response cache whoever asks, for the day it
is asked on, with an ETag and Cache-Control; every answer is UTF-8 and compressed as the client
accepts. The real app on a loopback port, over HTTP (issue 20)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import brotli
import httpx
import pytest

from socialaid import clock
from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.catalogue.mini import copy_mini, edit, import_folder
from tests.conftest import test_settings
from tests.test_metrics import Samples, scrape, serving, value
from tests.tokens import bearer_header, token

CATALOGUE = '{ catalogue(tenant: "310105") { items { code name department { name } } } }'
SMALL = '{ tenant(code: "310105") { code } }'
ME = "{ me { roles } }"
RAW = {"Accept-Encoding": "identity"}


def applicant() -> dict[str, str]:
    return bearer_header(token(Role.APPLICANT, user="citizen-1", tenant="310105"))


def hits(before: Samples, after: Samples) -> float:
    return value(after, "socialaid_cache_hits_total", cache="public_responses") - value(
        before, "socialaid_cache_hits_total", cache="public_responses"
    )


@dataclass(frozen=True)
class Answer:
    """A response with its body as sent (httpx would decode a compressed one)."""

    status_code: int
    headers: httpx.Headers
    content: bytes

    def json(self) -> Any:
        return json.loads(decoded(self))


async def post(
    client: httpx.AsyncClient, query: str, headers: dict[str, str] | None = None
) -> Answer:
    request = client.build_request(
        "POST", "/graphql", json={"query": query}, headers={**RAW, **(headers or {})}
    )
    response = await client.send(request, stream=True)
    raw = b"".join([chunk async for chunk in response.aiter_raw()])
    await response.aclose()
    return Answer(response.status_code, response.headers, raw)


async def test_a_signed_in_public_query_is_answered_from_the_cache(db: Database) -> None:
    async with serving(db, test_settings()) as client:
        before = await scrape(client)
        first = await post(client, CATALOGUE, applicant())
        again = await post(client, CATALOGUE, applicant())
        anonymous = await post(client, CATALOGUE)
        after = await scrape(client)
    assert first.status_code == again.status_code == anonymous.status_code == 200
    assert "dibao" in {item["code"] for item in first.json()["data"]["catalogue"]["items"]}
    assert again.content == anonymous.content == first.content
    # The second signed-in request and the anonymous one came from the entry the first made.
    assert hits(before, after) == 2


async def test_a_private_query_is_never_answered_from_the_cache(db: Database) -> None:
    async with serving(db, test_settings()) as client:
        before = await scrape(client)
        answers = [await post(client, ME, applicant()) for _ in range(3)]
        after = await scrape(client)
    assert [a.json() for a in answers] == [{"data": {"me": {"roles": ["APPLICANT"]}}}] * 3
    assert hits(before, after) == 0
    assert {a.headers["cache-control"] for a in answers} == {"no-store"}
    assert all("etag" not in a.headers for a in answers)


@pytest.mark.parametrize(
    "refused",
    [
        "Bearer not-a-token",
        # Signed with the right key but long expired.
        "Bearer "
        + mint_token(
            test_settings(),
            user="li",
            tenant="310105",
            roles=[Role.APPLICANT],
            now=datetime(2020, 1, 1),
        ),
    ],
    ids=["malformed", "expired"],
)
async def test_a_refused_token_reads_public_data_as_anonymous_and_nothing_else(
    db: Database, refused: str
) -> None:
    # As before the cache served signed-in requests: public fields answer anyone, a refused
    # token included; a private field is UNAUTHENTICATED, from the cache or not.
    async with serving(db, test_settings()) as client:
        anonymous = await post(client, SMALL)
        executed = await post(
            client, '{ tenant(code: "310000") { code } }', {"Authorization": refused}
        )
        cached = await post(client, SMALL, {"Authorization": refused})
        private = await post(client, ME, {"Authorization": refused})
    assert executed.json() == {"data": {"tenant": {"code": "310000"}}}
    assert cached.content == anonymous.content
    assert [e["extensions"]["code"] for e in private.json()["errors"]] == ["UNAUTHENTICATED"]


DAY = datetime(2031, 3, 10, 23, 58, tzinfo=clock.CHINA)
ITEM = '{ item(tenant: "990000", code: "living") { benefit { content } } }'


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[datetime]]:
    """The project clock at `DAY`; move it by assigning to the list's one element."""
    now = [DAY]
    monkeypatch.setattr(clock, "now", lambda: now[0])
    yield now


async def test_the_cache_answers_for_the_new_day_after_midnight(
    db: Database, tmp_path: Path, frozen_clock: list[datetime]
) -> None:
    root = copy_mini(tmp_path)
    await import_folder(db, root)
    living = root / "tenants/990000-parent/items/living.yaml"
    edit(living, "按月差额发放", "按月发放（已修订）")
    edit(living, "effective_from: 2021-01-01", "version: 2\neffective_from: 2031-03-11")
    await import_folder(db, root)  # version 2 takes effect tomorrow; version 1 stays for today
    async with serving(db, test_settings()) as client:
        today = [(await post(client, ITEM)).json() for _ in range(2)]
        frozen_clock[0] = DAY + timedelta(minutes=3)  # 00:01 on 11 March, China time
        tomorrow = (await post(client, ITEM)).json()
    assert today == [{"data": {"item": {"benefit": {"content": "按月差额发放"}}}}] * 2
    assert tomorrow == {"data": {"item": {"benefit": {"content": "按月发放（已修订）"}}}}


async def test_a_request_naming_the_answers_etag_gets_304_without_a_body(db: Database) -> None:
    async with serving(db, test_settings()) as client:
        first = await post(client, CATALOGUE)
        etag = first.headers["etag"]
        unchanged = await post(client, CATALOGUE, {"If-None-Match": etag})
        other = await post(client, CATALOGUE, {"If-None-Match": 'W/"another"'})
        by_get = await client.get("/graphql", params={"query": CATALOGUE}, headers=RAW)
        get_unchanged = await client.get(
            "/graphql",
            params={"query": CATALOGUE},
            headers={"If-None-Match": by_get.headers["etag"]},
        )
    assert etag.startswith('W/"')
    assert (unchanged.status_code, unchanged.content) == (304, b"")
    assert unchanged.headers["etag"] == etag
    assert (other.status_code, other.content) == (200, first.content)
    assert (by_get.status_code, by_get.content) == (200, first.content)
    assert (get_unchanged.status_code, get_unchanged.content) == (304, b"")


async def test_public_answers_may_be_kept_a_minute_private_ones_not_at_all(db: Database) -> None:
    settings = test_settings(public_max_age=30, public_stale_while_revalidate=120)
    async with serving(db, settings) as client:
        anonymous = await post(client, SMALL)
        signed_in = await post(client, SMALL, applicant())
        failed = await post(client, '{ tenant(code: "999999") { code } }')
    assert anonymous.headers["cache-control"] == "public, max-age=30, stale-while-revalidate=120"
    assert signed_in.headers["cache-control"] == "private, max-age=30"
    assert failed.headers["cache-control"] == "no-store"
    assert "Accept" in anonymous.headers["vary"]


async def test_answers_are_utf8_without_escapes(db: Database) -> None:
    async with serving(db, test_settings()) as client:
        cached = await post(client, '{ tenant(code: "310000") { name } }')
        refused = await post(client, ME)  # executed: a Chinese error message
    assert "上海".encode() in cached.content
    assert b"\\u" not in cached.content and b"\\u" not in refused.content
    assert "需要有效的身份凭证".encode() in refused.content
    assert cached.headers["content-type"].endswith("charset=utf-8")


@pytest.mark.parametrize(
    ("accept_encoding", "expected"),
    [
        ("br", "br"),
        ("gzip", "gzip"),
        ("gzip, deflate, br", "br"),
        ("br;q=0.5, gzip", "gzip"),
        ("identity", None),
        ("deflate", None),
    ],
)
async def test_a_large_answer_is_compressed_as_the_client_accepts(
    db: Database, accept_encoding: str, expected: str | None
) -> None:
    async with serving(db, test_settings()) as client:
        plain = await post(client, CATALOGUE)
        for _ in range(2):  # made once for the cache, then served from it
            cached = await post(client, CATALOGUE, {"Accept-Encoding": accept_encoding})
            assert cached.headers.get("content-encoding") == expected
            assert decoded(cached) == plain.content
        executed = await post(
            client,
            '{ catalogue(tenant: "310105") { items { code name } } me { roles } }',
            {**applicant(), "Accept-Encoding": accept_encoding},
        )
    assert "Accept-Encoding" in cached.headers["vary"]
    assert executed.headers.get("content-encoding") == expected
    assert b'"me":{"roles":["APPLICANT"]}' in decoded(executed)
    assert "Accept-Encoding" in executed.headers["vary"]


async def test_a_small_answer_is_not_compressed(db: Database) -> None:
    async with serving(db, test_settings()) as client:
        cached = await post(client, SMALL, {"Accept-Encoding": "br, gzip"})
        executed = await post(client, ME, {**applicant(), "Accept-Encoding": "br, gzip"})
    assert "content-encoding" not in cached.headers
    assert "content-encoding" not in executed.headers
    assert cached.content == b'{"data":{"tenant":{"code":"310105"}}}'


async def test_an_allowed_origin_varies_the_answer_by_origin_and_encoding(db: Database) -> None:
    settings = test_settings(cors_origins="https://portal.example.cn")
    async with serving(db, settings) as client:
        answer = await post(client, CATALOGUE, {"Origin": "https://portal.example.cn"})
    vary = {v.strip() for v in answer.headers["vary"].split(",")}
    assert {"Origin", "Accept", "Accept-Encoding"} <= vary
    assert answer.headers["access-control-allow-origin"] == "https://portal.example.cn"


def decoded(response: Answer) -> bytes:
    """The body decoded by its Content-Encoding."""
    raw = response.content
    match response.headers.get("content-encoding"):
        case "br":
            return bytes(brotli.decompress(raw))
        case "gzip":
            return gzip.decompress(raw)
        case _:
            return raw
