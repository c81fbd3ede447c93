"""The status code an ASGI app answers a request with, for middleware that reports it."""

from __future__ import annotations

from starlette.types import Message, Send


class NotedStatus:
    """Passes an app's messages on to `send` and notes the status its response starts with.

    Until a response starts the status is 500: what the client gets when the app raises before
    it answers.
    """

    def __init__(self, send: Send) -> None:
        self.code = 500
        self._send = send

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.code = message["status"]
        await self._send(message)
