"""GraphiQL (dev only) from this API alone: the page and every script and style it loads are
files of this package (socialaid/api/graphiql/, see its README.md), so GraphiQL works where no
public CDN can be reached, as on many government intranets.

The page's Content-Security-Policy lets the browser load nothing from another origin: a GraphiQL
upgrade that began to fetch from a CDN would fail visibly (and tests/transport/test_graphiql.py
with it) rather than leak requests.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

ASSET_ROUTE = "/graphiql/{name}"
_MEDIA_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
# The page's inline script starts GraphiQL (hence 'unsafe-inline'); its fonts and icon are data:
# URLs; it talks to this API over fetch and WebSocket.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss:; "
    "frame-ancestors 'none'; base-uri 'none'"
)
# Each file's name carries its version, so a browser may keep it for good.
_IMMUTABLE = "public, max-age=31536000, immutable"


def _directory() -> resources.abc.Traversable:
    return resources.files("socialaid.api") / "graphiql"


@cache
def graphiql_page() -> str:
    return (_directory() / "graphiql.html").read_text(encoding="utf-8")


@cache
def _assets() -> dict[str, str]:
    """File name -> media type of every script and style there is to serve."""
    found: dict[str, str] = {}
    for entry in _directory().iterdir():
        suffix = "." + entry.name.rsplit(".", 1)[-1]
        if suffix in _MEDIA_TYPES:
            found[entry.name] = _MEDIA_TYPES[suffix]
    return found


def graphiql_response() -> Response:
    return HTMLResponse(
        graphiql_page(), headers={"content-security-policy": CONTENT_SECURITY_POLICY}
    )


async def graphiql_asset(request: Request) -> Response:
    name = request.path_params["name"]
    media_type = _assets().get(name)
    if media_type is None:  # only the listed files: no path from the URL reaches the disk
        return Response("Not Found", status_code=404, media_type="text/plain")
    return Response(
        (_directory() / name).read_bytes(),
        media_type=media_type,
        headers={"cache-control": _IMMUTABLE},
    )
