"""The console's routes: its files at /console/ (a single-page app: any path that is not a file
is index.html), /console/config.json, and the dev-only POST /dev/tokens.

Caching: Vite names every asset by its content hash, so /console/assets/* may be kept for a year
(immutable); index.html and the other files are revalidated every time (no-cache) so a new
release is picked up on the next load.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import BaseRoute, Route

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.config import Settings

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
ASSETS = "assets/"
NOT_BUILT = (
    "控制台未随本服务安装（没有构建好的 web/dist，也没有 web/ 源码可构建）。"
    "请在源码目录运行 `socialaid serve`（会自动构建），或安装带控制台的 wheel。\n"
)


def console_routes(settings: Settings, dist: Path | None) -> list[BaseRoute]:
    routes: list[BaseRoute] = [
        Route("/console", _to_slash, methods=["GET", "HEAD"]),
        Route("/console/config.json", _config_endpoint(settings), methods=["GET"]),
        Route("/console/{path:path}", _files_endpoint(dist), methods=["GET", "HEAD"]),
    ]
    if dev_tokens_enabled(settings):
        routes.append(Route("/dev/tokens", _dev_tokens_endpoint(settings), methods=["POST"]))
    return routes


def dev_tokens_enabled(settings: Settings) -> bool:
    """Only in dev, and only while the API itself verifies HS256 tokens signed with its secret:
    the route does not exist in production (404)."""
    return not settings.is_production and not settings.uses_asymmetric_tokens


async def _to_slash(_: Request) -> Response:
    return RedirectResponse("/console/", status_code=308)


def _config_endpoint(settings: Settings) -> Any:
    async def config(_: Request) -> Response:
        return JSONResponse(
            {
                "oidcIssuer": settings.oidc_issuer,
                "oidcClientId": settings.console_oidc_client_id,
                "devTokens": dev_tokens_enabled(settings),
            },
            headers={"cache-control": REVALIDATE},
        )

    return config


def _files_endpoint(dist: Path | None) -> Any:
    root = dist.resolve() if dist is not None else None

    async def files(request: Request) -> Response:
        if root is None or not (root / "index.html").is_file():
            return PlainTextResponse(NOT_BUILT, status_code=503, headers={"retry-after": "60"})
        relative = request.path_params["path"]
        candidate = (root / relative).resolve()
        inside = candidate.is_relative_to(root)
        if inside and relative and candidate.is_file():
            cache = IMMUTABLE if relative.startswith(ASSETS) else REVALIDATE
            return FileResponse(candidate, headers={"cache-control": cache})
        if relative.startswith(ASSETS) or not inside:
            # A missing script must not come back as HTML with 200.
            return PlainTextResponse("没有这个文件\n", status_code=404)
        return FileResponse(
            root / "index.html",
            media_type="text/html; charset=utf-8",
            headers={"cache-control": REVALIDATE},
        )

    return files


def _dev_tokens_endpoint(settings: Settings) -> Any:
    async def dev_tokens(request: Request) -> Response:
        try:
            body = json.loads(await request.body())
            roles = [Role(r) for r in body["roles"]]
            user, tenant = str(body["user"]), str(body["tenant"])
            departments = [str(d) for d in body.get("departments") or []]
            area = body.get("area")
        except (ValueError, KeyError, TypeError):
            return JSONResponse(
                {
                    "code": "INVALID_INPUT",
                    "message": "请求应为 JSON：user、tenant、roles（角色代码列表），可选 departments、area",
                },
                status_code=400,
            )
        if not user or not tenant or not roles:
            return JSONResponse(
                {"code": "INVALID_INPUT", "message": "user、tenant 与 roles 不能为空"},
                status_code=400,
            )
        token = mint_token(
            settings,
            user=user,
            tenant=tenant,
            roles=roles,
            departments=departments,
            area=str(area) if area else None,
        )
        return JSONResponse({"token": token}, headers={"cache-control": "no-store"})

    return dev_tokens
