"""The default object store: a directory under the data dir, served by the API's own signed
`PUT /files/...` and `GET /files/...` routes (materials/file_routes.py)."""

from __future__ import annotations

import asyncio
import re
import time
from pathlib import Path

from socialaid.materials.storage import SignedRequest
from socialaid.materials.url_signing import signed_path

KEY = re.compile(
    r"(staging|files)/[0-9]{6}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
)


def is_key(key: str) -> bool:
    return KEY.fullmatch(key) is not None


class EmbeddedStore:
    def __init__(self, root: Path, secret: str) -> None:
        self.root = root
        self.secret = secret

    def path_of(self, key: str) -> Path:
        if not is_key(key):  # keys are ours; a malformed one is a programming error
            raise ValueError(f"not an object key: {key!r}")
        return self.root / key

    async def put_url(
        self, key: str, *, content_type: str, byte_size: int, expires_in: int, base_url: str
    ) -> SignedRequest:
        expires = int(time.time()) + expires_in
        path = signed_path(
            self.secret, "PUT", key, expires, {"type": content_type, "size": str(byte_size)}
        )
        return SignedRequest(base_url.rstrip("/") + path, {"Content-Type": content_type})

    async def get_url(
        self, key: str, *, file_name: str, content_type: str, expires_in: int, base_url: str
    ) -> str:
        expires = int(time.time()) + expires_in
        path = signed_path(
            self.secret, "GET", key, expires, {"name": file_name, "type": content_type}
        )
        return base_url.rstrip("/") + path

    async def read(self, key: str, *, limit: int) -> bytes | None:
        path = self.path_of(key)

        def read() -> bytes | None:
            try:
                with path.open("rb") as file:
                    return file.read(limit + 1)
            except FileNotFoundError:
                return None

        return await asyncio.to_thread(read)

    async def promote(self, source: str, target: str) -> None:
        destination = self.path_of(target)
        destination.parent.mkdir(parents=True, exist_ok=True)
        await asyncio.to_thread(self.path_of(source).replace, destination)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self.path_of(key).unlink, missing_ok=True)
