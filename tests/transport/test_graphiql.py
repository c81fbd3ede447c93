"""GraphiQL (dev only) loads nothing from a public CDN: the page and every script and style it
references come from this API. Over real HTTP, and in headless Chromium (Debian's, driven by
Playwright), which must render the editor with no failed request and none to another origin."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlsplit

import httpx
from playwright.async_api import async_playwright

from socialaid.api.app import create_app
from socialaid.db.database import Database
from tests.conftest import test_settings
from tests.test_http import base_url  # noqa: F401 - the real app on a loopback port

CHROMIUM = "/usr/bin/chromium"
SETUP = "run `python3 dev.py test` (it installs Debian's chromium for the browser tests)"


class _References(HTMLParser):
    """Every URL the page makes the browser load, with its integrity attribute."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        url = values.get("src") if tag == "script" else None
        if tag == "link":
            url = values.get("href")
        if url is not None and not url.startswith("data:"):
            self.found.append((url, values.get("integrity")))


async def graphiql_page(client: httpx.AsyncClient) -> httpx.Response:
    return await client.get("/graphql", headers={"accept": "text/html"})


async def test_every_asset_of_the_graphiql_page_is_same_origin_and_served(
    base_url: str,  # noqa: F811
) -> None:
    async with httpx.AsyncClient(base_url=base_url) as client:
        page = await graphiql_page(client)
        assert page.status_code == 200
        # No absolute URL at all, but the SVG namespace of the inline icon (not a request).
        assert re.findall(r"https?://(?!www\.w3\.org/2000/svg)", page.text) == []
        parser = _References()
        parser.feed(page.text)
        # react, react-dom, js-cookie, graphiql (script, style), the explorer (script, style)
        assert len(parser.found) == 7, parser.found
        origin = urlsplit(base_url)
        for url, integrity in parser.found:
            absolute = urljoin(f"{base_url}/graphql", url)
            assert urlsplit(absolute)[:2] == origin[:2], url
            asset = await client.get(absolute)
            assert asset.status_code == 200, url
            kind = "text/css" if url.endswith(".css") else "text/javascript"
            assert asset.headers["content-type"].startswith(kind)
            assert "immutable" in asset.headers["cache-control"]
            # The integrity attribute is strawberry's, for the file on unpkg: the same bytes.
            digest = base64.b64encode(hashlib.sha384(asset.content).digest()).decode()
            assert integrity == f"sha384-{digest}", url


async def test_nothing_but_the_listed_assets_is_served_from_the_graphiql_route(
    base_url: str,  # noqa: F811
) -> None:
    async with httpx.AsyncClient(base_url=base_url) as client:
        for name in ("graphiql.html", "README.md", "LICENSE-react.txt", "..%2Fapp.py", "x.js"):
            assert (await client.get(f"/graphiql/{name}")).status_code == 404, name


async def test_production_serves_neither_graphiql_nor_its_assets(db: Database) -> None:
    app = create_app(db, test_settings(env="production"))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        assert (await graphiql_page(client)).status_code == 404
        asset = await client.get("/graphiql/graphiql-3.8.3.min.js")
        assert asset.status_code == 404


async def test_graphiql_renders_in_chromium_without_a_request_to_another_origin(
    base_url: str,  # noqa: F811
) -> None:
    assert shutil.which(CHROMIUM), f"{CHROMIUM} is missing: {SETUP}"
    requested: list[str] = []
    methods: list[tuple[str, str]] = []
    failed: list[str] = []
    problems: list[str] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = await browser.new_page()
            page.on("request", lambda request: requested.append(request.url))
            page.on("request", lambda request: methods.append((request.method, request.url)))
            page.on(
                "requestfailed",
                lambda request: failed.append(f"{request.url}: {request.failure}"),
            )
            page.on(
                "response",
                lambda response: (
                    failed.append(f"{response.url}: HTTP {response.status}")
                    if response.status >= 400
                    else None
                ),
            )
            page.on(
                "console",
                lambda message: problems.append(message.text) if message.type == "error" else None,
            )
            page.on("pageerror", lambda error: problems.append(str(error)))
            # `q` is the page's own parameter for the editor's text (not a GraphQL GET).
            query = quote('{ tenant(code: "310105") { code } }')
            await page.goto(f"{base_url}/graphql?q={query}", wait_until="networkidle")
            # The query editor (CodeMirror) and the run button: GraphiQL rendered.
            await page.wait_for_selector(".graphiql-query-editor .CodeMirror", timeout=30_000)
            await page.click(".graphiql-execute-button", timeout=30_000)
            # The answer, from this API through GraphiQL's fetcher, in the response pane.
            # (a locator, not wait_for_function: the page's CSP forbids Playwright's eval)
            await page.locator(".graphiql-response", has_text="310105").wait_for(timeout=30_000)
        finally:
            await browser.close()
    origin = base_url.rstrip("/")
    foreign = [url for url in requested if not url.startswith((origin + "/", "data:"))]
    assert foreign == [], foreign
    assert failed == [], failed
    assert problems == [], problems
    assert any(url.endswith("/graphiql/graphiql-3.8.3.min.js") for url in requested)
    # Introspection and the query, both POSTed to the API.
    assert [m for m in methods if m == ("POST", f"{origin}/graphql")][1:], methods
