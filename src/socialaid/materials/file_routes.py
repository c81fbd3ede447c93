"""The embedded store's HTTP routes: `PUT /files/staging/...` receives a file, `GET
/files/files/...` serves a verified one; both only with a valid, unexpired signed URL
(materials/url_signing.py). Refusals are JSON with a stable code, never a 5xx."""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from socialaid.materials.embedded_store import EmbeddedStore, is_key
from socialaid.materials.s3_store import content_disposition
from socialaid.materials.url_signing import ROUTE, UrlProblem, check

MESSAGES = {
    UrlProblem.BAD_SIGNATURE: "链接无效：签名不符",
    UrlProblem.EXPIRED: "链接已过期，请重新获取",
}


def refusal(status: int, code: str, message: str) -> Response:
    return JSONResponse(
        {"errors": [{"message": message, "extensions": {"code": code}}]}, status_code=status
    )


def file_routes(store: EmbeddedStore) -> list[Route]:
    async def put(request: Request) -> Response:
        key = request.path_params["key"]
        if not is_key(key) or not key.startswith("staging/"):
            return refusal(404, "NOT_FOUND", "没有这个上传地址")
        query = dict(request.query_params)
        problem = check(store.secret, "PUT", key, query, ("type", "size"), now=time.time())
        if problem is not None:
            return refusal(403, problem.value, MESSAGES[problem])
        if store.path_of("files/" + key.removeprefix("staging/")).exists():
            # Completed: the URL is still within its lifetime, but bytes written now would be an
            # orphan in staging that nothing reads (the verified copy is under files/).
            return refusal(409, "CONFLICT", "上传已完成，不能再写入；如需更换文件请重新上传")
        if request.headers.get("content-type", "") != query["type"]:
            return refusal(400, "INVALID_INPUT", f"Content-Type 应为 {query['type']}")
        limit = int(query["size"])
        path = store.path_of(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written beside the target and renamed, so a reader never sees half a file.
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=".put-")
        temporary = Path(name)
        received = 0
        try:
            with os.fdopen(handle, "wb") as file:
                async for chunk in request.stream():
                    received += len(chunk)
                    if received > limit:
                        return refusal(413, "INVALID_INPUT", f"文件超过声明的 {limit} 字节")
                    file.write(chunk)
            await asyncio.to_thread(temporary.replace, path)
        finally:
            await asyncio.to_thread(temporary.unlink, missing_ok=True)
        return Response(status_code=200)

    async def get(request: Request) -> Response:
        key = request.path_params["key"]
        if not is_key(key) or not key.startswith("files/"):
            return refusal(404, "NOT_FOUND", "没有这个文件")
        query = dict(request.query_params)
        problem = check(store.secret, "GET", key, query, ("name", "type"), now=time.time())
        if problem is not None:
            return refusal(403, problem.value, MESSAGES[problem])
        path = store.path_of(key)
        if not path.is_file():
            return refusal(404, "NOT_FOUND", "没有这个文件")
        return FileResponse(
            path,
            media_type=query["type"],
            headers={
                "Content-Disposition": content_disposition(query["name"]),
                "Cache-Control": "private, no-store",
            },
        )

    return [
        Route(ROUTE + "{key:path}", put, methods=["PUT"]),
        Route(ROUTE + "{key:path}", get, methods=["GET"]),
    ]
