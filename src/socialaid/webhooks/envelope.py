"""The body a subscriber receives and its signature. Pure: no database, no network.

The body is canonical JSON (sorted keys, no whitespace) of

    {"id", "event", "occurredAt", "sentAt", "attempt", "tenant", "data"}

and `X-Socialaid-Signature: sha256=<hex HMAC-SHA256 of the body bytes>` under the subscription's
secret. `id` (the delivery, the same on every attempt) and `sentAt` are inside the signed body:
a receiver refuses a body whose sentAt is older than its tolerance and an id it has already
processed, so a recorded request replayed later is refused. The X-Socialaid-Delivery and
X-Socialaid-Timestamp headers repeat them for routing and logging; they are not signed.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from socialaid.canonical_json import canonical_json
from socialaid.clock import in_china_time

SIGNATURE_HEADER = "X-Socialaid-Signature"
DELIVERY_HEADER = "X-Socialaid-Delivery"
TIMESTAMP_HEADER = "X-Socialaid-Timestamp"
EVENT_HEADER = "X-Socialaid-Event"


@dataclass(frozen=True)
class Envelope:
    delivery_id: str
    event: str
    occurred_at: datetime
    tenant: str
    data: Mapping[str, Any]

    def body(self, *, sent_at: datetime, attempt: int) -> bytes:
        return canonical_json(
            {
                "id": self.delivery_id,
                "event": self.event,
                "occurredAt": in_china_time(self.occurred_at).isoformat(),
                "sentAt": in_china_time(sent_at).isoformat(),
                "attempt": attempt,
                "tenant": self.tenant,
                "data": dict(self.data),
            }
        ).encode("utf-8")


def signature(secret: str, body: bytes) -> str:
    """The X-Socialaid-Signature value: what a receiver recomputes with the same secret."""
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def signed_headers(
    envelope: Envelope, body: bytes, secret: str, sent_at: datetime
) -> dict[str, str]:
    return {
        "Content-Type": "application/json; charset=utf-8",
        SIGNATURE_HEADER: signature(secret, body),
        DELIVERY_HEADER: envelope.delivery_id,
        TIMESTAMP_HEADER: str(int(sent_at.timestamp())),
        EVENT_HEADER: envelope.event,
        "User-Agent": "socialaid-webhooks/1",
    }
