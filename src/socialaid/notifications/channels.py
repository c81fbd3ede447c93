"""The channels a notification can go out on, behind one interface (`Sender`).

SMS and WeChat subscription messages are HTTP adapters: each POSTs one JSON message to the
gateway the deployment configures (the government SMS platform, the WeChat message service of
the tenant's official account), with a bearer token; the gateway maps the applicant's account
to a phone number or an openid, so none is stored here. The development sink appends each
message as one JSON line to a file, and sends nothing.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import httpx

from socialaid.notifications.kinds import NotificationChannel


@dataclass(frozen=True)
class Message:
    notification_id: int
    tenant_id: str
    application_id: str
    recipient: str
    kind: str
    text: str


class DeliveryError(Exception):
    """The channel did not take the message; the delivery job tries again later."""


class Sender(Protocol):
    channel: NotificationChannel

    async def send(self, message: Message) -> None:
        """Hand `message` to the channel, or raise DeliveryError."""
        ...


class HttpGatewaySender:
    """One configured gateway: SMS or WeChat subscription messages."""

    def __init__(
        self,
        channel: NotificationChannel,
        url: str,
        token: str | None,
        client: httpx.AsyncClient,
        template_id: str | None = None,
    ) -> None:
        self.channel = channel
        self.url = url
        self.token = token
        self.client = client
        self.template_id = template_id  # WeChat: the subscription template the gateway uses

    async def send(self, message: Message) -> None:
        body: dict[str, object] = {
            "id": f"{message.tenant_id}-{message.notification_id}",  # idempotency for retries
            "to": message.recipient,
            "kind": message.kind,
            "text": message.text,
        }
        if self.template_id is not None:
            body["templateId"] = self.template_id
        headers = {"authorization": f"Bearer {self.token}"} if self.token else {}
        try:
            response = await self.client.post(self.url, json=body, headers=headers)
        except httpx.HTTPError as error:
            raise DeliveryError(f"{self.channel.value}: {type(error).__name__}: {error}") from error
        if response.status_code >= 300:
            raise DeliveryError(f"{self.channel.value}: HTTP {response.status_code}")


class SinkSender:
    """Development and tests: each message one JSON line in `path`, in delivery order."""

    channel = NotificationChannel.SINK

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = asyncio.Lock()

    async def send(self, message: Message) -> None:
        line = json.dumps(
            {
                "id": message.notification_id,
                "tenant": message.tenant_id,
                "application": message.application_id,
                "to": message.recipient,
                "kind": message.kind,
                "text": message.text,
            },
            ensure_ascii=False,
        )
        async with self._lock:
            await asyncio.to_thread(_append, self.path, line)


def _append(path: Path, line: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as sink:
        sink.write(line + "\n")


def read_sink(path: Path) -> list[dict[str, object]]:
    """The messages the sink holds, in the order they were delivered."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
