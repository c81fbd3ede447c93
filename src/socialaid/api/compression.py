"""Compressed responses: brotli or gzip, whichever the client accepts (brotli when it accepts
both alike), for bodies at least `SOCIALAID_COMPRESS_MIN_BYTES` long.

The public response cache (api/public_cache.py) compresses each cached answer once per encoding
and keeps the bytes; `CompressResponses` compresses the other answers as they are sent. It
leaves alone responses that are already encoded, event streams and any response sent in more
than one piece (the audit export streams: buffering it would hold the whole export in memory).
Every response it could have compressed says `Vary: Accept-Encoding`, so a shared cache never
hands the brotli bytes to a client that asked for none.
"""

from __future__ import annotations

import gzip

import brotli
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

BROTLI = "br"
GZIP = "gzip"
# Preferred first when the client weighs several alike: brotli's JSON is ~15 % smaller.
ENCODINGS = (BROTLI, GZIP)
# Per-request compression must stay cheap (brotli 4 is about as fast as gzip 6); an answer
# compressed once and served from the cache many times may take a denser level, though not
# brotli 9 or more: on the 37 KB catalogue 7 gives the same bytes in 0.4 ms where 9 takes
# 30-50 ms, a stall of the event loop for every request waiting behind it.
FAST = "fast"
DENSE = "dense"
_BROTLI_QUALITY = {FAST: 4, DENSE: 7}
_GZIP_LEVEL = {FAST: 6, DENSE: 9}
_STREAMED_TYPES = ("text/event-stream", "multipart/mixed")


def negotiate(accept_encoding: str | None) -> str | None:
    """The encoding to answer with for this `Accept-Encoding`, or None for the body as it is.

    By RFC 9110 12.5.3: the highest q wins, `q=0` refuses, `*` stands for any encoding not
    named; an encoding's name is matched without regard to case.
    """
    if not accept_encoding:
        return None
    weights: dict[str, float] = {}
    for part in accept_encoding.split(","):
        name, _, parameters = part.partition(";")
        name = name.strip().lower()
        if not name:
            continue
        weight = 1.0
        for parameter in parameters.split(";"):
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value.strip())
                except ValueError:
                    weight = 0.0
        weights[name] = weight
    wildcard = weights.get("*")
    best: tuple[float, int] | None = None
    chosen = None
    for preference, encoding in enumerate(ENCODINGS):
        weight = weights.get(encoding, wildcard if wildcard is not None else 0.0)
        # x-gzip is gzip's old name (RFC 9110 8.4.1.3).
        if encoding == GZIP and "x-gzip" in weights:
            weight = max(weight, weights["x-gzip"])
        if weight > 0 and (best is None or (weight, -preference) > best):
            best, chosen = (weight, -preference), encoding
    return chosen


def compress(body: bytes, encoding: str, effort: str = FAST) -> bytes:
    if encoding == BROTLI:
        return bytes(brotli.compress(body, mode=brotli.MODE_TEXT, quality=_BROTLI_QUALITY[effort]))
    # mtime=0: the same body always gives the same bytes.
    return gzip.compress(body, compresslevel=_GZIP_LEVEL[effort], mtime=0)


def add_vary(headers: MutableHeaders) -> None:
    """`Vary: Accept-Encoding`, once (the public cache names it already)."""
    named = {v.strip().lower() for v in headers.get("vary", "").split(",")}
    if "accept-encoding" not in named:
        headers.add_vary_header("Accept-Encoding")


class CompressResponses:
    """An ASGI middleware: the single-message responses of the app compressed as negotiated."""

    def __init__(self, app: ASGIApp, min_bytes: int) -> None:
        self.app = app
        self.min_bytes = min_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        encoding = negotiate(Headers(scope=scope).get("accept-encoding"))
        start: Message | None = None

        async def compressing(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = Headers(raw=message.get("headers", []))
                content_type = headers.get("content-type", "")
                if "content-encoding" in headers or content_type.startswith(_STREAMED_TYPES):
                    await send(message)
                    return
                add_vary(MutableHeaders(scope=message))
                if encoding is None:
                    await send(message)
                    return
                start = message  # sent with the body, once its length is known
                return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            held, start = start, None
            body = bytes(message.get("body", b""))
            if message.get("more_body") or len(body) < self.min_bytes:
                await send(held)
                await send(message)
                return
            assert encoding is not None
            compressed = compress(body, encoding)
            headers = MutableHeaders(scope=held)
            headers["content-encoding"] = encoding
            headers["content-length"] = str(len(compressed))
            await send(held)
            await send({"type": "http.response.body", "body": compressed})

        await self.app(scope, receive, compressing)
