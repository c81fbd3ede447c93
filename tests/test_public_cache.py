"""Anonymous queries over public reference data are answered from a cache until the data changes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import httpx
from starlette.types import Receive, Scope, Send

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.api.public_cache import PublicResponseCache, cacheable_query
from socialaid.catalogue.revision import RevisionWatcher
from socialaid.db.database import Database
from tests.catalogue.mini import copy_mini, edit, import_folder
from tests.conftest import test_settings
from tests.sql_statements import statements_sent


def body(query: str) -> bytes:
    return json.dumps({"query": query}).encode()


class CountingApp:
    """Answers every request with the number of requests it has seen."""

    def __init__(self, payload: bytes = b'{"data": {}}') -> None:
        self.calls = 0
        self.payload = payload

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.calls += 1
        await receive()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": self.payload})


async def post(app: object, query: str, headers: dict[str, str] | None = None) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        return await client.post(
            "/graphql",
            content=body(query),
            headers={"Content-Type": "application/json", **(headers or {})},
        )


def fixed_revision(value: list[int]):  # type: ignore[no-untyped-def]
    async def revision() -> int:
        return value[0]

    return revision


def test_only_queries_over_public_root_fields_are_cacheable() -> None:
    assert cacheable_query(body('{ catalogue(tenant: "310000") { tenantCode } tenants { code } }'))
    assert not cacheable_query(body("mutation { roleGrant { ok } }"))
    assert not cacheable_query(body("{ me { sub } }"))
    assert not cacheable_query(body("{ tenants { code } me { sub } }"))
    assert not cacheable_query(body("{ ...F } fragment F on Query { tenants { code } }"))
    assert not cacheable_query(b"not json")


async def test_a_repeated_anonymous_query_is_served_without_executing_again() -> None:
    inner = CountingApp()
    cache = PublicResponseCache(inner, fixed_revision([1]))
    for _ in range(3):
        assert (await post(cache, "{ tenants { code } }")).status_code == 200
    assert inner.calls == 1


async def test_one_entry_per_negotiated_media_type_and_request_content_type() -> None:
    inner = CountingApp()
    cache = PublicResponseCache(inner, fixed_revision([1]))
    new = "application/graphql-response+json"
    for accept in (None, "application/json", "*/*", new, f"{new}, application/json;q=0.9"):
        await post(cache, "{ tenants { code } }", {"Accept": accept} if accept else {})
    # Legacy (no Accept, application/json, */*) and graphql-response+json: two answers.
    assert inner.calls == 2
    await post(cache, "{ tenants { code } }", {"Content-Type": "text/plain"})
    assert inner.calls == 3


async def test_a_new_content_revision_empties_the_cache() -> None:
    inner, revision = CountingApp(), [1]
    cache = PublicResponseCache(inner, fixed_revision(revision))
    await post(cache, "{ tenants { code } }")
    revision[0] = 2
    await post(cache, "{ tenants { code } }")
    assert inner.calls == 2


async def test_errors_or_private_fields_are_never_cached_tokens_change_nothing() -> None:
    inner = CountingApp()
    cache = PublicResponseCache(inner, fixed_revision([1]))
    for _ in range(2):
        await post(cache, "{ tenants { code } }", {"Authorization": "Bearer x"})
        await post(cache, "{ tenants { code } }")
        await post(cache, "{ me { sub } }", {"Authorization": "Bearer x"})
    failing = CountingApp(b'{"data": null, "errors": [{"message": "x"}]}')
    failing_cache = PublicResponseCache(failing, fixed_revision([1]))
    for _ in range(2):
        await post(failing_cache, "{ tenants { code } }")
    assert (inner.calls, failing.calls) == (3, 2)


def test_public_root_fields_are_the_registrys_public_reference_data() -> None:
    assert cacheable_query(body('{ applicationForm(tenant: "310105", items: ["dibao"]) { hash } }'))
    # Open to anyone, but the answer depends on who asks: drafts, applications by global id.
    assert not cacheable_query(
        body('{ itemVersions(tenant: "310105", code: "dibao") { version } }')
    )
    assert not cacheable_query(body('{ node(id: "x") { id } }'))


async def test_a_compressed_answer_is_made_once_per_encoding() -> None:
    inner = CountingApp(b'{"data": {"text": "' + "上海市".encode() * 1000 + b'"}}')
    cache = PublicResponseCache(inner, fixed_revision([1]))
    for _ in range(3):
        await post(cache, "{ tenants { code } }", {"Accept-Encoding": "br"})
    [answer] = [cache.entries.peek(1, key) for key in cache.entries._lru]
    assert answer is not None and set(answer.encoded) == {"br"}
    assert answer.body_in("br") is answer.body_in("br")


async def test_the_same_query_on_another_day_is_another_entry() -> None:
    inner, day = CountingApp(), [date(2031, 3, 10)]
    cache = PublicResponseCache(inner, fixed_revision([1]), today=lambda: day[0])
    await post(cache, "{ tenants { code } }")
    await post(cache, "{ tenants { code } }")
    day[0] = date(2031, 3, 11)
    await post(cache, "{ tenants { code } }")
    assert inner.calls == 2


CATALOGUE = '{ catalogue(tenant: "310105") { tenantCode } }'


async def test_the_served_app_answers_a_repeated_anonymous_catalogue_query_from_the_cache(
    db: Database,
) -> None:
    # A listening watcher (as `socialaid serve` runs one) knows the revision without asking the
    # database, so a response from the cache sends no statement at all.
    revisions = RevisionWatcher(db)
    await revisions.start()
    try:
        app = create_app(db, test_settings(), revisions=revisions)
        token = mint_token(test_settings(), user="li", tenant="310105", roles=[Role.APPLICANT])
        with statements_sent(db) as first:
            answered = await post(app, CATALOGUE)
        with statements_sent(db) as repeated:
            cached = await post(app, CATALOGUE)
        with statements_sent(db) as with_token:
            signed_in = await post(app, CATALOGUE, {"Authorization": f"Bearer {token}"})
    finally:
        await revisions.stop()

    assert answered.json()["data"]["catalogue"]["tenantCode"] == "310105"
    assert first, "the first request is executed against the database"
    assert (cached.status_code, cached.content) == (200, answered.content)
    assert repeated == [], "the repeat is answered from the cache"
    # Not even the token's grants are read: the answer is the same whoever asks.
    assert with_token == [], "a signed-in request for public data is answered from the cache"
    assert signed_in.content == answered.content


async def test_an_imported_catalogue_change_is_visible_at_once_through_the_cache(
    db: Database, tmp_path: Path
) -> None:
    root = copy_mini(tmp_path)
    await import_folder(db, root)
    app = create_app(db, test_settings())
    query = '{ item(tenant: "990000", code: "living", asOf: "2023-01-01") { benefit { content } } }'
    first = (await post(app, query)).json()
    edit(root / "tenants/990000-parent/items/living.yaml", "按月差额发放", "按月发放（已修订）")
    edit(
        root / "tenants/990000-parent/items/living.yaml",
        "effective_from: 2021-01-01",
        "version: 2\neffective_from: 2021-01-01",
    )
    await import_folder(db, root)
    second = (await post(app, query)).json()
    assert first["data"]["item"]["benefit"]["content"] == "按月差额发放"
    assert second["data"]["item"]["benefit"]["content"] == "按月发放（已修订）"
