"""The one small interface every object store behind material uploads implements, and the
choice of store by settings (`SOCIALAID_UPLOAD_STORE`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class SignedRequest:
    """Where a client sends a request, and the headers it must send with it."""

    url: str
    headers: dict[str, str] = field(default_factory=dict)


class ObjectStore(Protocol):
    """Keys are `staging/<tenant>/<upload id>` (the client's PUT) and `files/<tenant>/<id>`
    (verified, immutable). `base_url` is the API's own address as the client reached it, for
    stores served by the API itself; other stores ignore it."""

    async def put_url(
        self, key: str, *, content_type: str, byte_size: int, expires_in: int, base_url: str
    ) -> SignedRequest: ...

    async def get_url(
        self, key: str, *, file_name: str, content_type: str, expires_in: int, base_url: str
    ) -> str: ...

    async def read(self, key: str, *, limit: int) -> bytes | None:
        """The object's bytes, at most `limit` + 1 of them (so a caller sees it is too big);
        None when there is no object at `key`."""
        ...

    async def promote(self, source: str, target: str) -> None:
        """Move a verified object to its final key, where no signed PUT can reach it."""
        ...

    async def delete(self, key: str) -> None:
        """Remove the object if it exists."""
        ...
